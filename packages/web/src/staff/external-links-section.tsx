import { type ExternalLinkBody, MAX_EXTERNAL_LINKS } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { useChangeExternalLinks, useExternalLinks } from '../api/admin-queries.ts';
import { ApiError } from '../api/api-client.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrorSummary, type SummaryError } from '../ui/error-summary.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { fieldErrorsOf, isSchemaRefusal, refusalDetail } from './admin-field-errors.ts';
import {
  blankLinkFields,
  LINK_FIELDS,
  type LinkDraft,
  type LinkField,
  linkBody,
  linkFieldOfPath,
  movedIds,
} from './external-link-model.ts';
import styles from './unit-settings-page.module.css';

const LABELS: Readonly<Record<LinkField, MessageId>> = {
  titleSv: 'links.titleSv',
  titleEn: 'links.titleEn',
  url: 'links.url',
};
const BLANK: Readonly<Record<LinkField, MessageId>> = {
  titleSv: 'links.error.titleSv',
  titleEn: 'links.error.titleEn',
  url: 'links.error.url',
};
const EMPTY: LinkDraft = { titleSv: '', titleEn: '', url: '' };

/** The links on the unit's contact card: list, add, change, move and remove. */
export function ExternalLinksSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const localized = useLocalized();
  const links = useExternalLinks(unitHsaId);
  const change = useChangeExternalLinks(unitHsaId);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  const [removing, setRemoving] = useState<string | undefined>();
  const items = links.data?.items ?? [];

  const run = async (action: Parameters<typeof change.mutateAsync>[0], success: string): Promise<boolean> => {
    try {
      await change.mutateAsync(action);
      setNotice({ text: success, error: false });
      return true;
    } catch {
      setNotice({ text: t('admin.saveFailed'), error: true });
      return false;
    }
  };

  const move = async (index: number, by: -1 | 1) => {
    const link = items[index];
    if (!link) return;
    const ids = movedIds(
      items.map((item) => item.id),
      index,
      by,
    );
    if (await run({ kind: 'order', ids }, t('links.moved'))) {
      // The moved link's button where it now is, or its other move button at an end.
      const at = index + by;
      const wanted = (by < 0 && at > 0) || (by > 0 && at < items.length - 1) ? (by < 0 ? 'up' : 'down') : 'edit';
      focusLater(`link-${link.id}-${wanted}`);
    }
  };

  return (
    <section aria-labelledby="links-heading" className={styles.section}>
      {/* Takes focus after a link is removed, so the reader is not left on nothing. */}
      <h2 id="links-heading" tabIndex={-1}>
        {t('links.heading')}
      </h2>
      <p>{t('links.lead')}</p>
      <div role="status">{notice && !notice.error ? <p className="notice notice-success">{notice.text}</p> : null}</div>
      <div role="alert">{notice?.error ? <p className="notice notice-error">{notice.text}</p> : null}</div>
      {links.isPending ? <Loading /> : null}
      {links.isError ? <LoadError error={links.error} onRetry={() => void links.refetch()} /> : null}
      {links.data && items.length === 0 ? <p className="muted">{t('links.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className={styles.links} aria-label={t('links.list')}>
          {items.map((link, index) => {
            const title = localized(link.title);
            const titleId = `link-${link.id}-title`;
            if (editing === link.id) {
              return (
                <li key={link.id} className={styles.link}>
                  <LinkForm
                    idPrefix={`link-${link.id}-form`}
                    heading={t('links.edit.heading', { title })}
                    initial={{ titleSv: link.title.sv, titleEn: link.title.en, url: link.url }}
                    submitText={t('links.edit.submit')}
                    onSubmit={async (body) => {
                      await change.mutateAsync({ kind: 'change', id: link.id, link: body });
                      setNotice({ text: t('links.changed', { title: localized(body.title) }), error: false });
                      setEditing(undefined);
                      focusLater(`link-${link.id}-edit`);
                    }}
                    onCancel={() => {
                      setEditing(undefined);
                      focusLater(`link-${link.id}-edit`);
                    }}
                  />
                </li>
              );
            }
            return (
              <li key={link.id} className={styles.link}>
                <p className={styles.linkTitle} id={titleId}>
                  {title}
                </p>
                <p className={styles.url}>{link.url}</p>
                {removing === link.id ? (
                  <div className="notice">
                    <p>{t('links.remove.confirm', { title })}</p>
                    <div className={styles.buttons}>
                      <button
                        id={`link-${link.id}-remove-yes`}
                        type="button"
                        className="button button-danger"
                        disabled={change.isPending}
                        onClick={async () => {
                          if (await run({ kind: 'remove', id: link.id }, t('links.removed', { title }))) {
                            setRemoving(undefined);
                            focusLater('links-heading');
                          }
                        }}
                      >
                        {t('links.remove.yes')}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => {
                          setRemoving(undefined);
                          focusLater(`link-${link.id}-remove`);
                        }}
                      >
                        {t('links.cancel')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <div className={styles.buttons}>
                    <LinkButton id={`link-${link.id}-edit`} titleId={titleId} onClick={() => setEditing(link.id)}>
                      {t('links.edit')}
                    </LinkButton>
                    {index > 0 ? (
                      <LinkButton
                        id={`link-${link.id}-up`}
                        titleId={titleId}
                        disabled={change.isPending}
                        onClick={() => void move(index, -1)}
                      >
                        {t('links.up')}
                      </LinkButton>
                    ) : null}
                    {index < items.length - 1 ? (
                      <LinkButton
                        id={`link-${link.id}-down`}
                        titleId={titleId}
                        disabled={change.isPending}
                        onClick={() => void move(index, 1)}
                      >
                        {t('links.down')}
                      </LinkButton>
                    ) : null}
                    <LinkButton
                      id={`link-${link.id}-remove`}
                      titleId={titleId}
                      danger
                      onClick={() => {
                        setRemoving(link.id);
                        focusLater(`link-${link.id}-remove-yes`);
                      }}
                    >
                      {t('links.remove')}
                    </LinkButton>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {links.data ? (
        items.length >= MAX_EXTERNAL_LINKS ? (
          <p className="notice">{t('links.full', { max: MAX_EXTERNAL_LINKS })}</p>
        ) : (
          <LinkForm
            idPrefix="link-new"
            heading={t('links.add.heading')}
            initial={EMPTY}
            clearOnSuccess
            submitText={t('links.add.submit')}
            onSubmit={async (body) => {
              await change.mutateAsync({ kind: 'add', link: body });
              setNotice({ text: t('links.added', { title: localized(body.title) }), error: false });
            }}
          />
        )
      ) : null}
    </section>
  );
}

/** A button about one link: its visible text, and the link's title for screen readers ("Ändra Boka tid"). */
function LinkButton({
  id,
  titleId,
  danger,
  disabled,
  onClick,
  children,
}: Readonly<{
  id: string;
  titleId: string;
  danger?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: string;
}>) {
  return (
    <button
      id={id}
      type="button"
      className={`button ${danger ? 'button-danger' : 'button-secondary'}`}
      aria-labelledby={`${id} ${titleId}`}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

type LinkFormProps = Readonly<{
  idPrefix: string;
  heading: string;
  initial: LinkDraft;
  submitText: string;
  clearOnSuccess?: boolean;
  /** Sends the link; throws the server's refusal. */
  onSubmit: (body: ExternalLinkBody) => Promise<void>;
  onCancel?: () => void;
}>;

function LinkForm({ idPrefix, heading, initial, submitText, clearOnSuccess, onSubmit, onCancel }: LinkFormProps) {
  const t = useText();
  const [draft, setDraft] = useState<LinkDraft>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<LinkField, string>>>({});
  const [summary, setSummary] = useState<readonly SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const headingId = `${idPrefix}-heading`;
  const inputId = (field: LinkField) => `${idPrefix}-${field}`;

  const refuse = (errors: Partial<Record<LinkField, string>>, other: readonly string[] = []) => {
    setFieldErrors(errors);
    setSummary([
      ...LINK_FIELDS.flatMap((field) => {
        const message = errors[field];
        return message ? [{ message, targetId: inputId(field) }] : [];
      }),
      ...other.map((message) => ({ message })),
    ]);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = blankLinkFields(draft);
    if (blank.length > 0) {
      refuse(Object.fromEntries(blank.map((field) => [field, t(BLANK[field])])));
      return;
    }
    setPending(true);
    try {
      await onSubmit(linkBody(draft));
      setFieldErrors({});
      setSummary([]);
      if (clearOnSuccess) setDraft(EMPTY);
    } catch (error) {
      const errors: Partial<Record<LinkField, string>> = {};
      const other: string[] = [];
      for (const fieldError of fieldErrorsOf(error)) {
        const field = linkFieldOfPath(fieldError.path);
        const label = field ? t(LABELS[field]) : '';
        const message = !isSchemaRefusal(fieldError)
          ? fieldError.message
          : fieldError.code === 'maxLength'
            ? t('links.error.tooLong', { field: label })
            : field && fieldError.code === 'minLength'
              ? t(BLANK[field])
              : t('links.error.invalid', { field: label });
        if (field && !errors[field]) errors[field] = message;
        else other.push(message);
      }
      const full = error instanceof ApiError && refusalDetail(error) === 'external-link-limit-reached';
      if (full) other.push(t('links.full', { max: MAX_EXTERNAL_LINKS }));
      if (Object.keys(errors).length === 0 && other.length === 0) other.push(t('admin.saveFailed'));
      refuse(errors, other);
    } finally {
      setPending(false);
    }
  };

  return (
    <form noValidate className={styles.linkForm} aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{heading}</h3>
      <ErrorSummary errors={summary} focusKey={attempt} />
      <div className={styles.pair}>
        {(['titleSv', 'titleEn'] as const).map((field) => (
          <TextField
            key={field}
            id={inputId(field)}
            lang={field === 'titleSv' ? 'sv' : 'en'}
            maxLength={100}
            label={t(LABELS[field])}
            error={fieldErrors[field]}
            errorPrefix={t('form.errorPrefix')}
            required
            requiredText={t('form.required')}
            value={draft[field]}
            onChange={(value) => setDraft((old) => ({ ...old, [field]: value }))}
          />
        ))}
      </div>
      <TextField
        id={inputId('url')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2000}
        label={t('links.url')}
        hint={t('links.url.hint')}
        error={fieldErrors.url}
        errorPrefix={t('form.errorPrefix')}
        required
        requiredText={t('form.required')}
        value={draft.url}
        onChange={(value) => setDraft((old) => ({ ...old, url: value }))}
      />
      <div className={styles.buttons}>
        <button type="submit" className="button" disabled={pending}>
          {submitText}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('links.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
