import { useState } from 'react';
import { useAnswerNotificationPrompt, useNotificationSettings } from '../api/citizen-queries.ts';
import { useSession } from '../api/session.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import { useText } from '../i18n/use-text.ts';
import { PageResult, usePageResult } from '../ui/page-result.tsx';
import { SettingsForm, VerifyBox } from './settings-page.tsx';

/**
 * After login, until the citizen has a confirmed address or says "Inte nu": where should we tell
 * you that an answer has come? The settings page's own form and code check, not a copy. "Inte
 * nu" is remembered on the server (nothing is kept in the browser). A guardian acting for a
 * child is asked about the child's notifications.
 */
export function NotificationPrompt() {
  const t = useText();
  const { locale } = useLanguage();
  const settings = useNotificationSettings();
  const answer = useAnswerNotificationPrompt();
  const child = useSession().data?.info.actingFor ?? null;
  // Focus goes to what happened after every action (page-result): after "Spara" to the result
  // just above the code box (Tab goes on to the code field); once answered or declined the
  // question disappears and the result stands in its place, not the top of the page.
  const { notice, say, clear } = usePageResult();
  const [finished, setFinished] = useState(false);

  const finish = (text: string) => {
    setFinished(true);
    say(text);
  };

  const data = settings.data;
  return (
    <>
      {finished ? <PageResult notice={notice} /> : null}
      {data?.askForAddress && !finished ? (
        <section className="card" aria-labelledby="address-prompt-heading">
          <h2 id="address-prompt-heading">
            {child ? t('addressPrompt.headingChild', { name: child.name }) : t('addressPrompt.heading')}
          </h2>
          <p>{child ? t('addressPrompt.leadChild', { name: child.name }) : t('addressPrompt.lead')}</p>
          <SettingsForm
            key={`${data.email.address}|${data.mobile.address}`}
            settings={data}
            withLanguage={false}
            initialLanguage={locale}
            onSaved={() => say(t('settings.saved'))}
            onEdit={clear}
          />
          <PageResult notice={notice} />
          {(['email', 'mobile'] as const).map((channel) =>
            data[channel].awaitingCode && data[channel].address ? (
              <VerifyBox
                key={channel}
                channel={channel}
                address={data[channel].address ?? ''}
                headingLevel={3}
                onVerified={() => finish(t('addressPrompt.done'))}
              />
            ) : null,
          )}
          <p className="hint" id="address-prompt-not-now-hint">
            {t('addressPrompt.notNowHint')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              aria-describedby="address-prompt-not-now-hint"
              disabled={answer.isPending}
              onClick={() => answer.mutate(false, { onSuccess: () => finish(t('addressPrompt.declined')) })}
            >
              {t('addressPrompt.notNow')}
            </button>
          </div>
          {answer.isError ? (
            <p className="notice notice-error" role="alert">
              {t('addressPrompt.failed')}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
