import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import { useSetUpAccount } from '../api/auth-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { looksLikePersonnummer, personnummerProblem } from './login-page.tsx';

type Errors = Partial<Record<'personnummer' | 'mobile' | 'terms' | 'form', string>>;

/**
 * Setting up password login: the password comes by letter to the registered address, and the
 * first login proves the mobile number with a code. The answer never tells whether the
 * personnummer is known.
 */
export function SetUpAccountPage() {
  const t = useText();
  const setUp = useSetUpAccount();
  const [personnummer, setPersonnummer] = useState('');
  const [mobile, setMobile] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  // One answer for every personnummer (see the server): whether a letter really goes is not told.
  const [sent, setSent] = useState(false);
  useDocumentTitle(t('common.documentTitle', { page: t('setUp.heading') }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!looksLikePersonnummer(personnummer)) {
      found.personnummer = t(
        personnummer.trim() ? 'login.error.personnummerInvalid' : 'login.error.personnummerMissing',
      );
    }
    if (mobile.replace(/\D/g, '').length < 8) found.mobile = t('setUp.error.mobile');
    if (!accepted) found.terms = t('setUp.error.terms');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await setUp.mutateAsync({
        personnummer: personnummer.trim(),
        mobile: mobile.trim(),
        acceptTerms: true,
      });
      setSent(true);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const personnummerError = personnummerProblem(problem);
      const mobileError = problem?.errors?.find((e) => e.path === 'body.mobile');
      if (personnummerError || mobileError) {
        const mobileText =
          mobileError?.code === 'country-not-allowed' ? 'setUp.error.mobileCountry' : 'setUp.error.mobile';
        setErrors({
          ...(personnummerError ? { personnummer: t(personnummerError) } : {}),
          ...(mobileError ? { mobile: t(mobileText) } : {}),
        });
      } else {
        setErrors({
          form: t(problem?.code === 'too-many-requests' ? 'login.error.tooMany' : 'login.error.unavailable'),
        });
      }
      setAttempt((n) => n + 1);
    }
  };

  if (sent) {
    return (
      <>
        <h1>{t('setUp.heading')}</h1>
        <div className="notice notice-success" role="status">
          <p>{t('setUp.outcome.letterSent')}</p>
          <p>{t('setUp.outcome.noLetter')}</p>
        </div>
        <p>
          <Link to="/inloggning">{t('setUp.toLogin')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inloggning">{t('setUp.back')}</Link>
      </p>
      <h1>{t('setUp.heading')}</h1>
      <p>{t('setUp.lead')}</p>
      <div className="notice">
        <p>{t('setUp.eidBetter')}</p>
      </div>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          focusKey={attempt}
          errors={[
            ...(errors.personnummer ? [{ message: errors.personnummer, targetId: 'setup-personnummer' }] : []),
            ...(errors.mobile ? [{ message: errors.mobile, targetId: 'setup-mobile' }] : []),
            ...(errors.terms ? [{ message: errors.terms, targetId: 'setup-terms' }] : []),
            ...(errors.form ? [{ message: errors.form }] : []),
          ]}
        />
        <TextField
          id="setup-personnummer"
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
          id="setup-mobile"
          type="tel"
          label={t('setUp.mobile.label')}
          hint={t('setUp.mobile.hint')}
          error={errors.mobile}
          errorPrefix={t('form.errorPrefix')}
          value={mobile}
          onChange={setMobile}
          autoComplete="tel"
        />
        <div className={`field ${errors.terms ? 'has-error' : ''}`}>
          <h2>{t('setUp.terms.heading')}</h2>
          <p>{t('setUp.terms.text')}</p>
          {errors.terms ? (
            <p id="setup-terms-error" className="field-error">
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {errors.terms}
            </p>
          ) : null}
          <div className="checkbox-row">
            <input
              id="setup-terms"
              type="checkbox"
              checked={accepted}
              onChange={(event) => setAccepted(event.target.checked)}
              aria-describedby={errors.terms ? 'setup-terms-error' : undefined}
              aria-invalid={errors.terms ? true : undefined}
            />
            <label htmlFor="setup-terms">{t('setUp.terms.accept')}</label>
          </div>
        </div>
        <button type="submit" className="button" disabled={setUp.isPending}>
          {t('setUp.submit')}
        </button>
      </form>
    </>
  );
}
