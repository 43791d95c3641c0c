import { type LocalizedText, MAX_GROUP_DEPTH } from '@kontakta/domain';
import {
  BUILDER_KINDS,
  type BuilderCondition,
  type BuilderField,
  type BuilderKind,
  isConditionSource,
  newBuilderField,
} from './form-builder-model.ts';

// Edits of the builder's question tree, addressed by position: [2] is the third question, [2, 0]
// the first question in that group. Every edit that changes what a condition may point at runs
// `pruneConditions`, so the builder never holds a condition the domain would refuse.

export type FieldPath = readonly number[];

export function fieldAt(fields: readonly BuilderField[], path: FieldPath): BuilderField | undefined {
  const [index, ...rest] = path;
  if (index === undefined) return undefined;
  const field = fields[index];
  return rest.length === 0 || !field ? field : fieldAt(field.fields, rest);
}

/** The questions at the level `parent` holds (the top level for []), changed by `change`. */
function changeLevel(
  fields: readonly BuilderField[],
  parent: FieldPath,
  change: (level: readonly BuilderField[]) => BuilderField[],
): BuilderField[] {
  const [index, ...rest] = parent;
  if (index === undefined) return change(fields);
  return fields.map((field, position) =>
    position === index ? { ...field, fields: changeLevel(field.fields, rest, change) } : field,
  );
}

/** The tree with the question at `path` replaced by `next` (conditions checked again). */
export function replaceField(fields: readonly BuilderField[], path: FieldPath, next: BuilderField): BuilderField[] {
  const index = path.at(-1);
  if (index === undefined) return [...fields];
  return pruneConditions(
    changeLevel(fields, path.slice(0, -1), (level) =>
      level.map((field, position) => (position === index ? next : field)),
    ),
  );
}

/** The kinds that can be added at a level: groups only while they stay within the nesting limit. */
export function kindsAt(parent: FieldPath): BuilderKind[] {
  return BUILDER_KINDS.filter((kind) => kind !== 'group' || parent.length < MAX_GROUP_DEPTH);
}

/** Adds a new question of `kind` at the end of the level `parent` holds; also returns it. */
export function addField(
  fields: readonly BuilderField[],
  parent: FieldPath,
  kind: BuilderKind,
): { fields: BuilderField[]; added: BuilderField } {
  if (!kindsAt(parent).includes(kind)) return { fields: [...fields], added: newBuilderField('short-text', fields) };
  const added = newBuilderField(kind, fields);
  return { fields: changeLevel(fields, parent, (level) => [...level, added]), added };
}

/** Whether the question can be removed: a group keeps at least one question (the domain's rule). */
export function canRemove(fields: readonly BuilderField[], path: FieldPath): boolean {
  return path.length === 1 || (fieldAt(fields, path.slice(0, -1))?.fields.length ?? 0) > 1;
}

/** Removes a question (with a group, its questions); conditions that pointed at it go too. */
export function removeField(fields: readonly BuilderField[], path: FieldPath): BuilderField[] {
  const index = path.at(-1);
  if (index === undefined || !canRemove(fields, path)) return [...fields];
  return pruneConditions(
    changeLevel(fields, path.slice(0, -1), (level) => level.filter((_, position) => position !== index)),
  );
}

/** Moves a question up or down within its level; a condition that would then point forward is dropped. */
export function moveField(fields: readonly BuilderField[], path: FieldPath, by: -1 | 1): BuilderField[] {
  const index = path.at(-1);
  if (index === undefined) return [...fields];
  return pruneConditions(
    changeLevel(fields, path.slice(0, -1), (level) => {
      const target = index + by;
      if (target < 0 || target >= level.length) return [...level];
      const next = [...level];
      const [field] = next.splice(index, 1);
      if (field) next.splice(target, 0, field);
      return next;
    }),
  );
}

/** One choice of "show the question only when …": the condition and the words to offer it with. */
export type ConditionChoice = Readonly<{
  condition: BuilderCondition;
  question: LocalizedText;
  /** An option's label, or yes/no for a yes/no question. */
  answer: LocalizedText | 'yes' | 'no';
  /** For "when any item of the group …": the group's heading. */
  group?: LocalizedText;
}>;

function valuesOf(source: BuilderField): { value: string; answer: ConditionChoice['answer'] }[] {
  if (source.kind === 'yes-no') {
    return [
      { value: 'yes', answer: 'yes' },
      { value: 'no', answer: 'no' },
    ];
  }
  return source.options.map((option) => ({ value: option.value, answer: option.label }));
}

/**
 * What the question at `path` may be shown on, as the domain resolves conditions: an earlier
 * choice or yes/no question at its own level or any level outside it (a key found at an inner level
 * hides the same key further out), or a choice inside an earlier repeating group.
 */
export function conditionChoices(fields: readonly BuilderField[], path: FieldPath): ConditionChoice[] {
  const levels: { level: readonly BuilderField[]; position: number }[] = [];
  let level: readonly BuilderField[] = fields;
  for (const position of path) {
    levels.unshift({ level, position });
    level = level[position]?.fields ?? [];
  }
  const hidden = new Set<string>();
  const choices: ConditionChoice[] = [];
  for (const { level: candidates, position } of levels) {
    for (const source of candidates.slice(0, position)) {
      if (hidden.has(source.key)) continue;
      if (isConditionSource(source.kind)) {
        for (const { value, answer } of valuesOf(source)) {
          choices.push({ condition: { field: source.key, value }, question: source.label, answer });
        }
      } else if (source.kind === 'group') {
        for (const child of source.fields.filter((candidate) => isConditionSource(candidate.kind))) {
          for (const { value, answer } of valuesOf(child)) {
            choices.push({
              condition: { field: child.key, value, group: source.key },
              question: child.label,
              answer,
              group: source.label,
            });
          }
        }
      }
    }
    for (const candidate of candidates) hidden.add(candidate.key);
  }
  return choices;
}

export function sameCondition(a: BuilderCondition | null, b: BuilderCondition | null): boolean {
  return a?.field === b?.field && a?.value === b?.value && (a?.group ?? '') === (b?.group ?? '');
}

/** Drops every condition that no longer points at an earlier question and one of its answers. */
export function pruneConditions(fields: readonly BuilderField[]): BuilderField[] {
  const walk = (level: readonly BuilderField[], parent: FieldPath): BuilderField[] =>
    level.map((field, index) => {
      const path = [...parent, index];
      const keep =
        field.condition === null ||
        conditionChoices(fields, path).some((choice) => sameCondition(choice.condition, field.condition));
      const children = field.fields.length > 0 ? walk(field.fields, path) : field.fields;
      const unchanged = keep && children.every((child, position) => child === field.fields[position]);
      return unchanged ? field : { ...field, condition: keep ? field.condition : null, fields: children };
    });
  return walk(fields, []);
}
