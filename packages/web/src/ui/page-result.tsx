import { useState } from 'react';
import { focusLater } from './focus-later.ts';

const RESULT_ID = 'page-result';

/** How a result looks: done (green), news that is neither (plain), or something that did not work. */
export type PageResultTone = 'success' | 'info' | 'problem';

const TONE_CLASS: Readonly<Record<PageResultTone, string>> = {
  success: 'notice notice-success',
  info: 'notice',
  problem: 'notice notice-error',
};

/**
 * The result of an action on a page ("Sparat", "Borttaget"): said to screen readers and given
 * focus, since the button that was used may be gone. `clear` when the person starts on something new.
 */
export function usePageResult() {
  const [result, setResult] = useState<{ notice: string; tone: PageResultTone } | undefined>();
  return {
    notice: result?.notice,
    tone: result?.tone ?? 'success',
    say(text: string, tone: PageResultTone = 'success') {
      setResult({ notice: text, tone });
      focusLater(RESULT_ID);
    },
    clear: () => setResult(undefined),
  };
}

export function PageResult({
  notice,
  tone = 'success',
}: Readonly<{ notice: string | undefined; tone?: PageResultTone }>) {
  return (
    <div role="status">
      {notice ? (
        <p id={RESULT_ID} tabIndex={-1} className={TONE_CLASS[tone]}>
          {notice}
        </p>
      ) : null}
    </div>
  );
}
