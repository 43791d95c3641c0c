import { useState } from 'react';
import { focusLater } from './focus-later.ts';

const RESULT_ID = 'page-result';

/**
 * The result of an action on a page ("Sparat", "Borttaget"): said to screen readers and given
 * focus, since the button that was used may be gone. `clear` when the person starts on something new.
 */
export function usePageResult() {
  const [notice, setNotice] = useState<string | undefined>();
  return {
    notice,
    say(text: string) {
      setNotice(text);
      focusLater(RESULT_ID);
    },
    clear: () => setNotice(undefined),
  };
}

export function PageResult({ notice }: Readonly<{ notice: string | undefined }>) {
  return (
    <div role="status">
      {notice ? (
        <p id={RESULT_ID} tabIndex={-1} className="notice notice-success">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
