import type { Problem } from '@kontakta/contract';
import { type FormAnswers, type FormDefinition, renderAnswerMessage, validateAnswers } from '@kontakta/domain';
import { useCallback, useMemo, useState } from 'react';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import { useText } from '../i18n/use-text.ts';
import { swedishToday } from '../ui/format.ts';
import {
  type DraftLevel,
  type DraftValue,
  draftToAnswers,
  emptyDraft,
  type FieldLocation,
  fieldDomId,
  setDraftValue,
} from './form-draft.ts';

/** One wrong answer as the reader sees it: where it is, the message, and the field to jump to. */
export type ShownError = Readonly<{ path: string; message: string; targetId: string | undefined }>;

export type FormState = Readonly<{
  definition: FormDefinition;
  idPrefix: string;
  draft: DraftLevel;
  /** The answers as they would be sent now. */
  answers: FormAnswers;
  setValue: (location: FieldLocation, value: DraftValue) => void;
  /** The reader has left a field: from now on its problems are shown as they type. */
  touch: (path: string) => void;
  /** Messages to show beside fields, by answer path. */
  fieldErrors: ReadonlyMap<string, string>;
  /** Everything to list in the error summary, in form order. */
  summary: readonly ShownError[];
  /** Checks the whole form as the server will; the cleaned answers when they pass, otherwise undefined. */
  submit: () => FormAnswers | undefined;
  /** Shows a 400 answer's field errors (`answers.<path>`) like the browser's own. True if it had any. */
  showServerProblem: (problem: Problem | undefined) => boolean;
  /** Bumped at every submit that finds problems: the error summary takes focus then. */
  attempt: number;
}>;

/**
 * The state of one form: what was typed, and which problems to show. The checks are the domain's
 * `validateAnswers`, the very function the server runs, so the messages are the server's too
 * (their texts are the catalogue's `answer.*`, the same in the server's catalogue).
 * Problems show for a field once the reader has left it, and for all fields after a send attempt.
 */
export function useFormState(
  definition: FormDefinition,
  options: Readonly<{ idPrefix: string; initialDraft?: DraftLevel }>,
): FormState {
  const { locale } = useLanguage();
  const t = useText();
  const { idPrefix } = options;
  const [draft, setDraft] = useState<DraftLevel>(() => options.initialDraft ?? emptyDraft(definition.fields));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempt, setAttempt] = useState(0);
  const [serverErrors, setServerErrors] = useState<readonly { path: string; message: string }[]>([]);

  const answers = useMemo(() => draftToAnswers(definition.fields, draft), [definition, draft]);
  const validation = useMemo(
    () => validateAnswers(definition, answers, { today: swedishToday() }),
    [definition, answers],
  );

  const setValue = useCallback((location: FieldLocation, value: DraftValue) => {
    setDraft((current) => setDraftValue(current, location, value));
    // What the server said was about the answers it got; they have changed.
    setServerErrors([]);
  }, []);

  const touch = useCallback((path: string) => {
    setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));
  }, []);

  const { fieldErrors, summary } = useMemo(() => {
    const shown = new Map<string, string>();
    if (!validation.ok) {
      for (const error of validation.errors) {
        if (attempt > 0 || touched.has(error.path)) {
          shown.set(error.path, renderAnswerMessage(error.message, locale, t));
        }
      }
    }
    for (const error of serverErrors) shown.set(error.path, error.message);
    const list: ShownError[] = [...shown].map(([path, message]) => ({
      path,
      message,
      targetId: targetIdFor(idPrefix, path),
    }));
    return { fieldErrors: shown, summary: list };
  }, [validation, attempt, touched, serverErrors, locale, t, idPrefix]);

  const submit = useCallback(() => {
    if (validation.ok) return validation.value;
    setAttempt((current) => current + 1);
    return undefined;
  }, [validation]);

  const showServerProblem = useCallback((problem: Problem | undefined) => {
    const errors = (problem?.errors ?? []).map((error) => ({
      path: error.path.startsWith('answers.') ? error.path.slice('answers.'.length) : '',
      message: error.message,
    }));
    if (errors.length === 0) return false;
    setServerErrors(errors);
    setAttempt((current) => current + 1);
    return true;
  }, []);

  return {
    definition,
    idPrefix,
    draft,
    answers,
    setValue,
    touch,
    fieldErrors,
    summary,
    submit,
    showServerProblem,
    attempt,
  };
}

const PATH_STEP = /([A-Za-z_$][\w$]*)|\[(\d+)\]/y;

/** The id of the field an answer path points at, or undefined for paths that name no field. */
export function targetIdFor(idPrefix: string, path: string): string | undefined {
  if (path === '') return undefined;
  const location: (string | number)[] = [];
  PATH_STEP.lastIndex = 0;
  let position = 0;
  while (position < path.length) {
    if (path[position] === '.') position += 1;
    PATH_STEP.lastIndex = position;
    const match = PATH_STEP.exec(path);
    if (!match) return undefined;
    location.push(match[1] ?? Number(match[2]));
    position = PATH_STEP.lastIndex;
  }
  return fieldDomId(idPrefix, location);
}
