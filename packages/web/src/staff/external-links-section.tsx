import { type ExternalLink, MAX_EXTERNAL_LINKS } from '@kontakta/contract';
import { useRef, useState } from 'react';
import { useExternalLinks } from '../api/admin-queries.ts';
import { type Refusal, useRefusal } from '../forms/use-refusal.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
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
import { useSavePart } from './page-save.tsx';
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

/** A row of the list being edited: `id` null until saved; `key` names its inputs. */
type Row = LinkDraft & Readonly<{ key: string; id: string | null }>;

const rowOf = (link: ExternalLink): Row => ({
  key: link.id,
  id: link.id,
  titleSv: link.title.sv,
  titleEn: link.title.en,
  url: link.url,
});
const inputId = (row: Pick<Row, 'key'>, field: LinkField) => `link-${row.key}-${field}`;
const same = (a: readonly Row[], b: readonly Row[]) =>
  a.length === b.length &&
  a.every((row, i) => {
    const other = b[i];
    return other !== undefined && LINK_FIELDS.every((f) => row[f] === other[f]) && row.id === other.id;
  });

/**
 * The links on the unit's contact card, edited as a list (add, change, move, remove) and saved
 * with the rest of the page in one change (page-save.tsx): all or nothing, problems named by row.
 */
export function ExternalLinksSection({ unitHsaId }: Readonly<{ unitHsaId: string }>) {
  const t = useText();
  const links = useExternalLinks(unitHsaId);
  return (
    <section aria-labelledby="links-heading" className={styles.section}>
      <h2 id="links-heading" tabIndex={-1}>
        {t('links.heading')}
      </h2>
      <p>{t('links.lead')}</p>
      {links.isPending ? <Loading /> : null}
      {links.isError ? <LoadError error={links.error} onRetry={() => void links.refetch()} /> : null}
      {links.data ? <LinksList initial={links.data.items} /> : null}
    </section>
  );
}

function LinksList({ initial }: Readonly<{ initial: readonly ExternalLink[] }>) {
  const t = useText();
  const [saved, setSaved] = useState<readonly Row[]>(() => initial.map(rowOf));
  const [rows, setRows] = useState<readonly Row[]>(saved);
  const { errorAt, summary, attempt, refuse, clear } = useRefusal();
  const added = useRef(0);
  const dirty = !same(rows, saved);

  const change = (key: string, field: LinkField, value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));

  const add = () => {
    added.current += 1;
    const row: Row = { key: `new-${added.current}`, id: null, titleSv: '', titleEn: '', url: '' };
    setRows((current) => [...current, row]);
    focusLater(inputId(row, 'titleSv'));
  };

  const move = (index: number, by: -1 | 1) => {
    const row = rows[index];
    if (!row) return;
    const order = movedIds(
      rows.map((r) => r.key),
      index,
      by,
    );
    setRows(order.map((key) => rows.find((r) => r.key === key) as Row));
    // The moved link's button where it now is, or its other move button at an end.
    const at = index + by;
    const wanted = (by < 0 && at > 0) || (by > 0 && at < rows.length - 1) ? (by < 0 ? 'up' : 'down') : 'remove';
    focusLater(`link-${row.key}-${wanted}`);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    // The next row's first field, else the previous row's, else the add button.
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? inputId(neighbour, 'titleSv') : 'links-add');
  };

  const rowMessage = (index: number, message: string) => t('links.rowError', { number: index + 1, message });

  // Saved with the rest of the page, in one request (page-save.tsx).
  useSavePart('links', dirty, {
    body: () => {
      const blank: Refusal[] = rows.flatMap((row, index) =>
        blankLinkFields(row).map((field) => ({
          message: rowMessage(index, t(BLANK[field])),
          targetId: inputId(row, field),
        })),
      );
      if (blank.length > 0) {
        refuse(blank);
        return undefined;
      }
      return { links: rows.map((row) => ({ id: row.id, ...linkBody(row) })) };
    },
    saved: ({ links: result }) => {
      const next = result.items.map(rowOf);
      setSaved(next);
      setRows(next);
      clear();
    },
    refused: (error) => {
      const found: Refusal[] = [];
      for (const fieldError of fieldErrorsOf(error)) {
        const match = /^body\.links(?:\.(\d+)(\..*)?)?$/.exec(fieldError.path);
        if (!match) continue;
        const index = match[1] === undefined ? undefined : Number(match[1]);
        const row = index === undefined ? undefined : rows[index];
        const field = match[1] === undefined ? undefined : linkFieldOfPath(`body${match[2] ?? ''}`);
        const label = field ? t(LABELS[field]) : '';
        const message = !isSchemaRefusal(fieldError)
          ? fieldError.message
          : fieldError.code === 'maxLength'
            ? t('links.error.tooLong', { field: label })
            : field && fieldError.code === 'minLength'
              ? t(BLANK[field])
              : t('links.error.invalid', { field: label });
        found.push(
          row && index !== undefined
            ? { message: rowMessage(index, message), targetId: field ? inputId(row, field) : undefined }
            : { message },
        );
      }
      if (refusalDetail(error) === 'external-link-limit-reached') {
        found.push({ message: t('links.full', { max: MAX_EXTERNAL_LINKS }) });
      }
      if (found.length === 0) {
        clear();
        return false;
      }
      refuse(found);
      return true;
    },
  });

  return (
    <div>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {rows.length === 0 ? <p className="muted">{t('links.empty')}</p> : null}
      {rows.length > 0 ? (
        <ol className={styles.links} aria-label={t('links.list')}>
          {rows.map((row, index) => {
            const legendId = `link-${row.key}-legend`;
            return (
              <li key={row.key} className={styles.link}>
                <fieldset className="plain-fieldset" aria-labelledby={legendId}>
                  <legend id={legendId} className={styles.linkTitle}>
                    {t('links.row', { number: index + 1 })}
                  </legend>
                  <div className={styles.pair}>
                    {(['titleSv', 'titleEn'] as const).map((field) => (
                      <TextField
                        key={field}
                        id={inputId(row, field)}
                        lang={field === 'titleSv' ? 'sv' : 'en'}
                        maxLength={100}
                        label={t(LABELS[field])}
                        error={errorAt(inputId(row, field))}
                        errorPrefix={t('form.errorPrefix')}
                        required
                        requiredText={t('form.required')}
                        value={row[field]}
                        onChange={(value) => change(row.key, field, value)}
                      />
                    ))}
                  </div>
                  <TextField
                    id={inputId(row, 'url')}
                    type="url"
                    inputMode="url"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={2000}
                    label={t('links.url')}
                    hint={t('links.url.hint')}
                    error={errorAt(inputId(row, 'url'))}
                    errorPrefix={t('form.errorPrefix')}
                    required
                    requiredText={t('form.required')}
                    value={row.url}
                    onChange={(value) => change(row.key, 'url', value)}
                  />
                  <div className={styles.buttons}>
                    {index > 0 ? (
                      <RowButton id={`link-${row.key}-up`} legendId={legendId} onClick={() => move(index, -1)}>
                        {t('links.up')}
                      </RowButton>
                    ) : null}
                    {index < rows.length - 1 ? (
                      <RowButton id={`link-${row.key}-down`} legendId={legendId} onClick={() => move(index, 1)}>
                        {t('links.down')}
                      </RowButton>
                    ) : null}
                    <RowButton id={`link-${row.key}-remove`} legendId={legendId} danger onClick={() => remove(index)}>
                      {t('links.remove')}
                    </RowButton>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : null}
      {rows.length >= MAX_EXTERNAL_LINKS ? (
        <p className="notice">{t('links.full', { max: MAX_EXTERNAL_LINKS })}</p>
      ) : (
        <p>
          <button id="links-add" type="button" className="button button-secondary" onClick={add}>
            {t('links.add.heading')}
          </button>
        </p>
      )}
      {dirty ? <p className="muted">{t('links.unsavedNote')}</p> : null}
    </div>
  );
}

/** A button about one row: its visible text, and the row's name for screen readers ("Ta bort Länk 2"). */
function RowButton({
  id,
  legendId,
  danger,
  onClick,
  children,
}: Readonly<{ id: string; legendId: string; danger?: boolean; onClick: () => void; children: string }>) {
  return (
    <button
      id={id}
      type="button"
      className={`button ${danger ? 'button-danger' : 'button-secondary'}`}
      aria-labelledby={`${id} ${legendId}`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
