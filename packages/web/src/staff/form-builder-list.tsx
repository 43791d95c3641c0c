import { useState } from 'react';
import { useText } from '../i18n/use-text.ts';
import { focusLater } from '../ui/focus-later.ts';
import { BuilderFieldEditor, type BuilderNoun, KIND_NAMES } from './form-builder-field.tsx';
import { limitInputId } from './form-builder-limits.tsx';
import {
  type BuilderField,
  type BuilderKind,
  type BuilderProblem,
  type LimitName,
  problemFieldPath,
  problemLimit,
} from './form-builder-model.ts';
import styles from './form-builder-page.module.css';
import {
  addField,
  canRemove,
  conditionChoices,
  type FieldPath,
  fieldAt,
  kindsAt,
  moveField,
  removeField,
  replaceField,
} from './form-builder-tree.ts';

// One level of the builder's questions, with the control to add another; a group's questions are
// a level of their own, drawn by this same list inside the group's editor.

/** The fieldset id of the question at `path`: its keys from the top, so it stays put while questions move. */
export function builderFieldId(idPrefix: string, tree: readonly BuilderField[], path: FieldPath): string {
  const keys = path.map((_, depth) => fieldAt(tree, path.slice(0, depth + 1))?.key ?? '');
  return [idPrefix, ...keys].join('-');
}

/** "2.1": how a question at `path` is numbered in legends and messages. */
export function fieldNumber(path: FieldPath): string {
  return path.map((index) => index + 1).join('.');
}

/** A problem in the reader's language (the builder's own are message ids, the domain's ids with values). */
export function useProblemText(): (problem: BuilderProblem) => string {
  const t = useText();
  return (problem) =>
    typeof problem.message === 'string' ? t(problem.message) : t(problem.message.id, problem.message.values);
}

/** Where the error summary's link for a problem leads: the limit's box, else the question. */
export function problemTargetId(
  idPrefix: string,
  tree: readonly BuilderField[],
  problem: Pick<BuilderProblem, 'path'>,
): string | undefined {
  const path = problemFieldPath(problem);
  if (path.length === 0 || !fieldAt(tree, path)) return undefined;
  const id = builderFieldId(idPrefix, tree, path);
  const limit = problemLimit(problem);
  return limit ? limitInputId(id, limit) : id;
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((index, position) => b[position] === index);
}

type Props = Readonly<{
  tree: readonly BuilderField[];
  /** The group whose questions this is; [] for the top level. */
  parent: FieldPath;
  idPrefix: string;
  noun: BuilderNoun;
  /** The problems to show (none before the first attempt to save). */
  problems: readonly BuilderProblem[];
  onChange: (tree: BuilderField[]) => void;
}>;

export function BuilderFieldList({ tree, parent, idPrefix, noun, problems, onChange }: Props) {
  const t = useText();
  const problemText = useProblemText();
  const [newKind, setNewKind] = useState<BuilderKind>('short-text');
  const level = parent.length === 0 ? tree : (fieldAt(tree, parent)?.fields ?? []);
  const listId = parent.length === 0 ? idPrefix : builderFieldId(idPrefix, tree, parent);
  const kindId = `${listId}-new-kind`;
  const kinds = kindsAt(parent);
  const inGroup = parent.length > 0 ? { number: fieldNumber(parent) } : undefined;

  const add = () => {
    const { fields } = addField(tree, parent, kinds.includes(newKind) ? newKind : 'short-text');
    onChange(fields);
    focusLater(builderFieldId(idPrefix, fields, [...parent, level.length]));
  };

  return (
    <>
      {level.map((field, index) => {
        const path = [...parent, index];
        const id = builderFieldId(idPrefix, tree, path);
        const own = problems.filter((problem) => samePath(problemFieldPath(problem), path));
        const problemsFor = (limit: LimitName | undefined) =>
          own.filter((problem) => problemLimit(problem) === limit).map(problemText);
        return (
          <BuilderFieldEditor
            key={field.key}
            field={field}
            id={id}
            noun={noun}
            number={fieldNumber(path)}
            first={index === 0}
            last={index === level.length - 1}
            removable={canRemove(tree, path)}
            choices={conditionChoices(tree, path)}
            problemsFor={problemsFor}
            onChange={(next) => onChange(replaceField(tree, path, next))}
            onMove={(by) => {
              onChange(moveField(tree, path, by));
              focusLater(id);
            }}
            onRemove={() => {
              const next = removeField(tree, path);
              onChange(next);
              const neighbour = fieldAt(next, path) ? path : index > 0 ? [...parent, index - 1] : undefined;
              focusLater(neighbour ? builderFieldId(idPrefix, next, neighbour) : kindId);
            }}
          >
            {field.kind === 'group' ? (
              <fieldset className={styles.groupFields}>
                <legend className="field-label">{t('builder.group.fields', { number: fieldNumber(path) })}</legend>
                <BuilderFieldList
                  tree={tree}
                  parent={path}
                  idPrefix={idPrefix}
                  noun={noun}
                  problems={problems}
                  onChange={onChange}
                />
              </fieldset>
            ) : null}
          </BuilderFieldEditor>
        );
      })}
      <div className={styles.add}>
        <div className="field">
          <label htmlFor={kindId}>{inGroup ? t(noun.addKindIn, inGroup) : t(noun.addKind)}</label>
          <select
            id={kindId}
            className="input"
            value={newKind}
            onChange={(event) => setNewKind(event.target.value as BuilderKind)}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_NAMES[kind])}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={add}>
          {inGroup ? t(noun.addSubmitIn, inGroup) : t(noun.addSubmit)}
        </button>
      </div>
    </>
  );
}
