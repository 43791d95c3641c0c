import type { Problem } from '@kontakta/contract';
import { authRoutes, safeReturnPath } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, addressOf } from '../api/api-client.ts';
import { useLoginCode, useLoginMethods, usePasswordLogin, useResendLoginCode } from '../api/auth-queries.ts';
import { useSession } from '../api/session.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { PageResult, usePageResult } from '../ui/page-result.tsx';
import { Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { afterLoginPath } from './after-login.ts';
import styles from './login-page.module.css';

/** A personnummer as people write it: 10 or 12 digits, with or without a dash or plus. */
export function looksLikePersonnummer(text: string): boolean {
  return /^(\d{6}|\d{8})[-+]?\d{4}$/.test(text.trim());
}

/** What the server's refusal of a personnummer field means, in the reader's language. */
export function personnummerProblem(problem: Problem | undefined): MessageId | undefined {
  const code = problem?.errors?.find((error) => error.path === 'body.personnummer')?.code;
  if (!code) return undefined;
  if (code === 'coordination-number') return 'login.error.coordinationNumber';
  if (code === 'reserve-number' || code === 'interim-number') return 'login.error.reserveNumber';
  return 'login.error.personnummerInvalid';
}

/**
 * The page to open after the login (`?till=`, set when a page behind login sent the reader here),
 * if it is a safe same-site path; the server checks it again for e-ID. Otherwise the start page.
 */
function useReturnPath(): string | undefined {
  const [params] = useSearchParams();
  return safeReturnPath(params.get('till'));
}

/** Logging in: e-ID (the recommended way), or personnummer + password + a code by SMS where offered. */
export function LoginPage() {
  const t = useText();
  const session = useSession();
  const methods = useLoginMethods();
  const returnTo = useReturnPath();
  useDocumentTitle(t('common.documentTitle', { page: t('login.heading') }));
  if (session.data?.info.kind === 'citizen') return <Navigate to={returnTo ?? '/'} replace />;
  return (
    <>
      <h1>{t('login.heading')}</h1>
      <p className={styles.lead}>{t('login.lead')}</p>
      <div className={styles.methods}>
        <section className="card" aria-labelledby="login-eid">
          <h2 id="login-eid">{t('login.eid.heading')}</h2>
          <p>{t('login.eid.text')}</p>
          {/* A plain link: the server sends the browser on to the e-ID provider and back. */}
          <a
            className="button"
            href={addressOf(authRoutes.citizenEidStart, { query: { returnTo: afterLoginPath(returnTo) } })}
          >
            {t('login.eid.button')}
          </a>
        </section>
        {methods.isPending ? <Loading /> : null}
        {methods.data?.passwordAndCode ? <PasswordLogin /> : null}
      </div>
      <p className={styles.staff}>
        {t('login.staff.text')} <Link to="/personal/inloggning">{t('login.staff.link')}</Link>
      </p>
    </>
  );
}

function PasswordLogin() {
  const t = useText();
  const [codeSentTo, setCodeSentTo] = useState<string | undefined>();
  const [restartNotice, setRestartNotice] = useState<MessageId | undefined>();
  return (
    <section className="card" aria-labelledby="login-password">
      <h2 id="login-password">{t('login.password.heading')}</h2>
      <p>{t('login.password.text')}</p>
      {restartNotice ? (
        <div className="notice notice-error" role="alert">
          <p>{t(restartNotice)}</p>
        </div>
      ) : null}
      {codeSentTo === undefined ? (
        <PasswordStep
          onCodeSent={(to) => {
            setRestartNotice(undefined);
            setCodeSentTo(to);
          }}
        />
      ) : (
        <CodeStep
          sentTo={codeSentTo}
          onRestart={(notice) => {
            setRestartNotice(notice);
            setCodeSentTo(undefined);
          }}
        />
      )}
      <p>
        <Link to="/inloggning/skaffa-konto">{t('login.password.setUp')}</Link>
      </p>
    </section>
  );
}

type Errors = Partial<Record<'personnummer' | 'password' | 'code' | 'form', string>>;

function PasswordStep({ onCodeSent }: Readonly<{ onCodeSent: (sentTo: string) => void }>) {
  const t = useText();
  const login = usePasswordLogin();
  const [personnummer, setPersonnummer] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!looksLikePersonnummer(personnummer)) {
      found.personnummer = t(
        personnummer.trim() ? 'login.error.personnummerInvalid' : 'login.error.personnummerMissing',
      );
    }
    if (password === '') found.password = t('login.error.passwordMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const result = await login.mutateAsync({ personnummer: personnummer.trim(), password });
      setPassword('');
      onCodeSent(result.codeSentTo);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const field = personnummerProblem(problem);
      if (field) setErrors({ personnummer: t(field) });
      else setErrors({ form: t(loginProblemMessage(problem)) });
      setAttempt((n) => n + 1);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary
        focusKey={attempt}
        errors={[
          ...(errors.personnummer ? [{ message: errors.personnummer, targetId: 'login-personnummer' }] : []),
          ...(errors.password ? [{ message: errors.password, targetId: 'login-password-input' }] : []),
          ...(errors.form ? [{ message: errors.form }] : []),
        ]}
      />
      <TextField
        id="login-personnummer"
        label={t('login.personnummer.label')}
        hint={t('login.personnummer.hint')}
        error={errors.personnummer}
        errorPrefix={t('form.errorPrefix')}
        value={personnummer}
        onChange={setPersonnummer}
        inputMode="numeric"
        autoComplete="off"
        className="input-short"
      />
      <TextField
        id="login-password-input"
        type="password"
        label={t('login.password.label')}
        error={errors.password}
        errorPrefix={t('form.errorPrefix')}
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
      />
      <button type="submit" className="button" disabled={login.isPending}>
        {t('login.password.continue')}
      </button>
    </form>
  );
}

function loginProblemMessage(problem: Problem | undefined): MessageId {
  switch (problem?.code) {
    case 'invalid-credentials':
      return 'login.error.invalidCredentials';
    case 'too-many-requests':
      return 'login.error.tooMany';
    case 'login-refused':
      return 'login.error.refused';
    case 'invalid-code':
      return 'login.error.invalidCode';
    default:
      return 'login.error.unavailable';
  }
}

function CodeStep({
  sentTo,
  onRestart,
}: Readonly<{ sentTo: string; onRestart: (notice: MessageId | undefined) => void }>) {
  const t = useText();
  const navigate = useNavigate();
  const returnTo = useReturnPath();
  const finish = useLoginCode();
  const resend = useResendLoginCode();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  // Where the code went; after "Send a new code", how that fared, with focus on it (page-result).
  const result = usePageResult();
  const [mayResend, setMayResend] = useState(true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(t('login.error.codeFormat'));
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await finish.mutateAsync(digits);
      navigate(afterLoginPath(returnTo), { replace: true });
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure.problem : undefined;
      if (problem?.code === 'code-expired') {
        onRestart('login.error.codeExpired');
        return;
      }
      setError(t(loginProblemMessage(problem)));
      setAttempt((n) => n + 1);
    }
  };

  const sendNewCode = async () => {
    try {
      const sent = await resend.mutateAsync();
      // The earlier code no longer works: what was typed from it goes too.
      setCode('');
      setError(undefined);
      setMayResend(sent.resendsLeft > 0);
      result.say(t('login.code.resent', { to: sent.codeSentTo }), 'info');
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : undefined;
      switch (apiError?.problem?.code) {
        case 'code-expired':
          onRestart('login.error.codeExpired');
          return;
        case 'code-resend-too-soon':
          result.say(t('login.code.resendTooSoon', { seconds: apiError.retryAfterSeconds ?? 30 }), 'problem');
          return;
        case 'code-resend-limit-reached':
          setMayResend(false);
          result.say(t('login.code.resendLimit'), 'problem');
          return;
        default:
          result.say(t(loginProblemMessage(apiError?.problem)), 'problem');
      }
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <PageResult
        notice={result.notice ?? t('login.code.sent', { to: sentTo })}
        tone={result.notice ? result.tone : 'info'}
      />
      <ErrorSummary focusKey={attempt} errors={error ? [{ message: error, targetId: 'login-code' }] : []} />
      <TextField
        id="login-code"
        label={t('login.code.label')}
        error={error}
        errorPrefix={t('form.errorPrefix')}
        value={code}
        onChange={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
        className="input-short"
      />
      <div className="actions">
        <button type="submit" className="button" disabled={finish.isPending}>
          {t('login.code.submit')}
        </button>
        {mayResend ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={resend.isPending}
            onClick={() => void sendNewCode()}
          >
            {t('login.code.resend')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => onRestart(undefined)}>
          {t('login.code.restart')}
        </button>
      </div>
    </form>
  );
}
