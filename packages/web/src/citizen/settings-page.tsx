import type { NotificationSettings } from '@kontakta/contract';
import { authRoutes } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { ApiError, addressOf } from '../api/api-client.ts';
import {
  useNotificationSettings,
  useResendContactCode,
  useSaveNotificationSettings,
  useVerifyContact,
} from '../api/citizen-queries.ts';
import { useEndOtherSessions } from '../api/session.ts';
import { CodeConfirmationForm } from '../forms/code-confirmation-form.tsx';
import { useUnsavedForm } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { formatDate } from '../ui/format.ts';
import { PageResult, type PageResultTone, usePageResult } from '../ui/page-result.tsx';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ServiceConsentsSection } from './service-consents-section.tsx';
import styles from './settings-page.module.css';

type Channel = 'email' | 'mobile';

/** Where the citizen is told that something new waits (never what): e-mail, mobile, language. */
export function SettingsPage() {
  const t = useText();
  const settings = useNotificationSettings();
  // The result of an action on the page is said and gets focus: the button used may be gone.
  const { notice, tone, say, clear } = usePageResult();
  useDocumentTitle(t('common.documentTitle', { page: t('settings.heading') }));
  return (
    <>
      <h1>{t('settings.heading')}</h1>
      <PageResult notice={notice} tone={tone} />
      <h2>{t('settings.notifications.heading')}</h2>
      <p>{t('settings.notifications.lead')}</p>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <SettingsForm
          key={formKey(settings.data)}
          settings={settings.data}
          onSaved={() => say(t('settings.saved'))}
          onEdit={clear}
        />
      ) : null}
      {settings.data
        ? (['email', 'mobile'] as const).map((channel) =>
            settings.data[channel].awaitingCode && settings.data[channel].address ? (
              <VerifyBox
                key={channel}
                channel={channel}
                address={settings.data[channel].address ?? ''}
                onVerified={() =>
                  say(t(channel === 'email' ? 'settings.verify.emailDone' : 'settings.verify.mobileDone'))
                }
              />
            ) : null,
          )
        : null}
      <OtherSessions onResult={say} />
      <ServiceConsentsSection onResult={say} />
    </>
  );
}

/**
 * Logins on other devices can be ended from here (a phone left logged in, a shared computer). The
 * result is the page's, with focus, like every other action on the page.
 */
function OtherSessions({ onResult }: Readonly<{ onResult: (text: string, tone?: PageResultTone) => void }>) {
  const t = useText();
  const endOthers = useEndOtherSessions();
  const endElsewhere = async () => {
    try {
      const { ended } = await endOthers.mutateAsync();
      onResult(t('settings.sessions.ended', { count: ended }));
    } catch {
      onResult(t('settings.sessions.failed'), 'problem');
    }
  };
  return (
    <section aria-labelledby="other-sessions-heading">
      <h2 id="other-sessions-heading">{t('settings.sessions.heading')}</h2>
      <p>{t('settings.sessions.lead')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={endOthers.isPending}
          onClick={() => void endElsewhere()}
        >
          {t('settings.sessions.endOthers')}
        </button>
      </div>
    </section>
  );
}

// A saved change gives a fresh form with the saved values.
function formKey(settings: NotificationSettings): string {
  return `${settings.email.address}|${settings.mobile.address}|${settings.language}`;
}

type Errors = Partial<Record<Channel | 'form', string>>;

/**
 * E-mail, mobile and the language of notifications. Also the first-login question's form
 * (`withLanguage` false: it sends the language the reader uses, `initialLanguage`).
 */
export function SettingsForm({
  settings,
  onSaved,
  onEdit,
  withLanguage = true,
  initialLanguage,
}: Readonly<{
  settings: NotificationSettings;
  onSaved: () => void;
  onEdit: () => void;
  withLanguage?: boolean;
  initialLanguage?: NotificationSettings['language'];
}>) {
  const t = useText();
  const save = useSaveNotificationSettings();
  const [email, setEmail] = useState(settings.email.address ?? '');
  const [mobile, setMobile] = useState(settings.mobile.address ?? '');
  const [language, setLanguage] = useState(initialLanguage ?? settings.language);
  // What the form holds when nothing is typed: the saved values, then what was just saved (the
  // server's answer gives a fresh form soon after, see formKey).
  const [saved, setSaved] = useState(() => ({ email, mobile, language }));
  useUnsavedForm(
    email.trim() !== saved.email.trim() || mobile.trim() !== saved.mobile.trim() || language !== saved.language,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [logInAgain, setLogInAgain] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onEdit();
    setLogInAgain(false);
    const found: Errors = {};
    if (email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.email = t('settings.error.email');
    if (mobile.trim() !== '' && mobile.replace(/\D/g, '').length < 8) found.mobile = t('settings.error.mobile');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await save.mutateAsync({
        email: email.trim() === '' ? null : email.trim(),
        mobile: mobile.trim() === '' ? null : mobile.trim(),
        language,
      });
      setSaved({ email, mobile, language });
      onSaved();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      if (problem?.code === 'recent-login-required') {
        setErrors({});
        setLogInAgain(true);
        return;
      }
      const byField: Errors = {};
      for (const fieldError of problem?.errors ?? []) {
        if (fieldError.path === 'body.email') byField.email = fieldError.message;
        if (fieldError.path === 'body.mobile') byField.mobile = fieldError.message;
      }
      const formError = problem?.code === 'too-many-requests' ? 'settings.error.tooMany' : 'settings.error.saveFailed';
      setErrors(Object.keys(byField).length > 0 ? byField : { form: t(formError) });
      setAttempt((n) => n + 1);
    }
  };

  return (
    <form noValidate className={styles.form} onSubmit={(event) => void submit(event)}>
      {logInAgain ? <LogInAgain /> : null}
      <ErrorSummary
        focusKey={attempt}
        errors={[
          ...(errors.email ? [{ message: errors.email, targetId: 'settings-email' }] : []),
          ...(errors.mobile ? [{ message: errors.mobile, targetId: 'settings-mobile' }] : []),
          ...(errors.form ? [{ message: errors.form }] : []),
        ]}
      />
      <TextField
        id="settings-email"
        type="email"
        label={t('settings.email.label')}
        hint={channelHint(t, settings.email)}
        error={errors.email}
        errorPrefix={t('form.errorPrefix')}
        value={email}
        onChange={setEmail}
        autoComplete="email"
      />
      <TextField
        id="settings-mobile"
        type="tel"
        label={t('settings.mobile.label')}
        hint={channelHint(t, settings.mobile)}
        error={errors.mobile}
        errorPrefix={t('form.errorPrefix')}
        value={mobile}
        onChange={setMobile}
        autoComplete="tel"
      />
      {withLanguage ? (
        <fieldset className={styles.language}>
          <legend className="field-label">{t('settings.language.label')}</legend>
          {(['sv', 'en'] as const).map((option) => (
            <div key={option} className="checkbox-row">
              <input
                type="radio"
                id={`settings-language-${option}`}
                name="settings-language"
                checked={language === option}
                onChange={() => setLanguage(option)}
              />
              <label htmlFor={`settings-language-${option}`} lang={option}>
                {t(`language.${option}`)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {t('settings.save')}
      </button>
    </form>
  );
}

/**
 * Where notifications go may change only within ten minutes of a login (the server's rule), so
 * that someone at a session left open cannot send them elsewhere. A plain link, like the login
 * page's: the server sends the browser to the e-ID provider and back to this page.
 */
function LogInAgain() {
  const t = useText();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('settings.logInAgain.text')}</p>
      <div className="actions">
        <a className="button" href={addressOf(authRoutes.citizenEidStart, { query: { returnTo: '/installningar' } })}>
          {t('settings.logInAgain.eid')}
        </a>
      </div>
      <p>{t('settings.logInAgain.password')}</p>
    </div>
  );
}

function channelHint(t: ReturnType<typeof useText>, channel: NotificationSettings['email']): string {
  if (!channel.address) return t('settings.channel.none');
  if (channel.stoppedWorkingAt !== null) {
    return t('settings.channel.stopped', { date: formatDate(channel.stoppedWorkingAt) });
  }
  return t(channel.verified ? 'settings.channel.verified' : 'settings.channel.unverified');
}

/** Where the code sent to a new address is typed. `focusOnShow`: the code field takes focus when it appears. */
export function VerifyBox({
  channel,
  address,
  onVerified,
  focusOnShow = false,
  headingLevel = 2,
}: Readonly<{
  channel: Channel;
  address: string;
  onVerified: () => void;
  focusOnShow?: boolean;
  headingLevel?: 2 | 3;
}>) {
  const t = useText();
  const verify = useVerifyContact();
  const resend = useResendContactCode();
  return (
    <CodeConfirmationForm
      id={`verify-${channel}`}
      heading={t(channel === 'email' ? 'settings.verify.emailHeading' : 'settings.verify.mobileHeading')}
      address={address}
      confirm={(code) => verify.mutateAsync({ channel, code })}
      resend={() => resend.mutateAsync({ channel, address })}
      confirming={verify.isPending}
      resending={resend.isPending}
      onConfirmed={onVerified}
      failure="settings.error.saveFailed"
      focusOnShow={focusOnShow}
      headingLevel={headingLevel}
    />
  );
}
