import type { InboxSort } from '@kontakta/contract';
import { deadlineStanding } from '@kontakta/domain';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { StaffErrandRow } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrandStatus } from '../ui/errand-thread.tsx';
import { formatDateTime, formatPersonnummer, isoDateTime } from '../ui/format.ts';
import styles from './staff-errand-table.module.css';

const DAY_MS = 86_400_000;

/** Choosing rows for an action on several errands at once (bulk routing). */
export type RowSelection = Readonly<{
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
}>;

/** Which column orders the list, and how to ask for another order (the server sorts: lists are paged). */
export type TableSort = Readonly<{ current: InboxSort; choose: (sort: InboxSort) => void }>;

type Props = Readonly<{
  errands: readonly StaffErrandRow[];
  /** What the table is, for screen readers (e.g. "Inkorg"). */
  caption: string;
  nameOf: (hsaId: string) => string;
  showUnit?: boolean;
  sort?: TableSort | undefined;
  selection?: RowSelection | undefined;
  now?: number;
}>;

/**
 * Errands in a staff list as a dense table: type, citizen, received, waiting, status, who has it.
 * Arrow keys move between the rows' links and Enter opens one, so a receiver works through the
 * list without the mouse. Sorting asks the server, since the list is paged by cursor.
 */
export function StaffErrandTable({ errands, caption, nameOf, showUnit, sort, selection, now = Date.now() }: Props) {
  const t = useText();
  const localized = useLocalized();

  const moveBetweenRows = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    const next = links[event.key === 'ArrowDown' ? at + 1 : at - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    // Scrolls sideways on a narrow screen; focusable so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className={styles.scroller} aria-label={caption} tabIndex={0}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col">
                <span className="visually-hidden">{t('staff.table.select')}</span>
              </th>
            ) : null}
            <SortableHeader label="staff.table.type" by="type" sort={sort} />
            <th scope="col">{t('staff.table.citizen')}</th>
            {showUnit ? <th scope="col">{t('staff.table.unit')}</th> : null}
            <SortableHeader label="staff.table.received" by="received" descending="received-desc" sort={sort} />
            <SortableHeader label="staff.table.waiting" by="waiting" sort={sort} />
            <th scope="col">{t('staff.table.replyBy')}</th>
            <SortableHeader label="staff.table.status" by="status" sort={sort} />
            <th scope="col">{t('staff.table.assignedTo')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={moveBetweenRows}>
          {errands.map((errand) => {
            const typeName = localized(errand.errandType.name);
            return (
              <tr key={errand.id} className={errand.citizenReplyAt !== null ? styles.replied : undefined}>
                {selection ? (
                  <td>
                    <input
                      type="checkbox"
                      className={styles.select}
                      checked={selection.selected.has(errand.id)}
                      onChange={() => selection.toggle(errand.id)}
                      aria-label={t('staff.bulk.select', { type: typeName, name: errand.citizen.name })}
                    />
                  </td>
                ) : null}
                <td>
                  <Link data-row-link to={`/personal/arenden/${encodeURIComponent(errand.id)}`}>
                    {typeName}
                  </Link>
                  {errand.citizenReplyAt !== null ? (
                    <span className={styles.reply}>{t('staff.errands.citizenReplied')}</span>
                  ) : null}
                  {errand.deletesOn ? (
                    <span className={styles.note}>{t('staff.errands.deletesOn', { date: errand.deletesOn })}</span>
                  ) : null}
                </td>
                <td>
                  {errand.citizen.name}{' '}
                  <span className={styles.personnummer}>{formatPersonnummer(errand.citizen.personnummer)}</span>
                </td>
                {showUnit ? <td>{errand.unit.name}</td> : null}
                <td>
                  <time dateTime={isoDateTime(errand.createdAt)}>{formatDateTime(errand.createdAt)}</time>
                </td>
                <td>
                  {errand.waitingSince !== null
                    ? t('staff.table.waitingDays', { days: Math.floor((now - errand.waitingSince) / DAY_MS) })
                    : '–'}
                </td>
                <td>
                  <ReplyBy replyBy={errand.replyBy} now={now} />
                </td>
                <td>
                  <ErrandStatus status={errand.status} viewer="staff" />
                </td>
                <td>{errand.assignedTo ? nameOf(errand.assignedTo) : t('staff.errands.unassigned')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** When the answer is due, and plainly when that has passed ("Försenat"), in words as well as style. */
function ReplyBy({ replyBy, now }: Readonly<{ replyBy: number | null; now: number }>) {
  const t = useText();
  if (replyBy === null) return <>–</>;
  const standing = deadlineStanding(replyBy, now);
  return (
    <span className={standing === 'overdue' ? styles.overdue : undefined}>
      {standing === 'overdue' ? `${t('staff.table.overdue')} ` : ''}
      <time dateTime={isoDateTime(replyBy)}>{formatDateTime(replyBy)}</time>
    </span>
  );
}

/** A column header that orders the list by its column; a second press reverses where that is offered. */
function SortableHeader({
  label,
  by,
  descending,
  sort,
}: Readonly<{ label: MessageId; by: InboxSort; descending?: InboxSort; sort: TableSort | undefined }>) {
  const t = useText();
  if (!sort) return <th scope="col">{t(label)}</th>;
  const active = sort.current === by || sort.current === descending;
  const ariaSort = !active ? 'none' : sort.current === descending ? 'descending' : 'ascending';
  const next = active && descending && sort.current === by ? descending : by;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className={styles.sortButton} onClick={() => sort.choose(next)}>
        {t(label)}
        <span aria-hidden="true" className={styles.sortMark}>
          {ariaSort === 'ascending' ? '▲' : ariaSort === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
