import { useEffect, useId, useRef } from 'react';
import { useText } from '../i18n/use-text.ts';

export type SummaryError = Readonly<{ message: string; targetId?: string | undefined }>;

/**
 * The list of problems at the top of a form, each linked to its field. It takes focus after every
 * send attempt that found problems (`focusKey` changes), so a screen reader starts there.
 */
export function ErrorSummary({ errors, focusKey }: Readonly<{ errors: readonly SummaryError[]; focusKey: number }>) {
  const t = useText();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <section ref={ref} tabIndex={-1} className="notice notice-error" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('form.errorSummary.heading', { count: errors.length })}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.targetId ?? ''}${error.message}`}>
            {error.targetId ? (
              <a
                href={`#${error.targetId}`}
                onClick={(event) => {
                  const target = document.getElementById(error.targetId ?? '');
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
