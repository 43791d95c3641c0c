import { useCallback, useMemo, useState } from 'react';
import type { SummaryError } from '../ui/error-summary.tsx';

// An administration form's refusal: the problems found before sending or by the server, each shown
// at its field (the first one per field) and all of them in the error summary above the form,
// which takes focus after every attempt (`attempt` changes). Fields are named by the id of their
// input, so a list's rows ("link-3-url") work the same way as single fields.

export type Refusal = Readonly<{ message: string; targetId?: string | undefined }>;

export type RefusalState = Readonly<{
  /** The message to show at the field with this id. */
  errorAt: (targetId: string) => string | undefined;
  /** For `<ErrorSummary errors={summary} focusKey={attempt} />`. */
  summary: readonly SummaryError[];
  attempt: number;
  /** Shows these problems, in this order (the form's order), and moves focus to the summary. */
  refuse: (found: readonly Refusal[]) => void;
  /** After a save: no problems. */
  clear: () => void;
}>;

export function useRefusal(): RefusalState {
  const [summary, setSummary] = useState<readonly SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const byField = useMemo(() => {
    const found = new Map<string, string>();
    for (const { targetId, message } of summary) if (targetId && !found.has(targetId)) found.set(targetId, message);
    return found;
  }, [summary]);
  const refuse = useCallback((found: readonly Refusal[]) => {
    setSummary(found.map(({ message, targetId }) => ({ message, targetId })));
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setSummary([]), []);
  const errorAt = useCallback((targetId: string) => byField.get(targetId), [byField]);
  return { errorAt, summary, attempt, refuse, clear };
}

/** Problems by field, in the form's order of `fields`, then those that name no field. */
export function refusalsOf<F extends string>(
  fields: readonly F[],
  found: Partial<Record<F, string>>,
  targetOf: (field: F) => string,
  other: readonly string[] = [],
): Refusal[] {
  return [
    ...fields.flatMap((field) => {
      const message = found[field];
      return message ? [{ message, targetId: targetOf(field) }] : [];
    }),
    ...other.map((message) => ({ message })),
  ];
}
