import { type ContactCard, WEEKDAYS } from '@kontakta/contract';
import { Link, useParams } from 'react-router';
import { useContactCard, useMyUnits } from '../api/citizen-queries.ts';
import { useSession } from '../api/session.ts';
import { useLanguage } from '../i18n/i18n-provider.tsx';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { closureDay, closureRange } from '../ui/closure-dates.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { replyTimeText } from './reply-time-text.ts';
import styles from './unit-page.module.css';
import { UnitServices } from './unit-services.tsx';

/**
 * A unit's contact card: how to reach it (phone, visiting address, opening hours, what it is),
 * the errand types it offers with the reply time it promises, each leading to its form, and its
 * links out.
 */
export function UnitPage() {
  const t = useText();
  const localized = useLocalized();
  const { hsaId = '' } = useParams();
  const card = useContactCard(hsaId);
  const listed = useMyUnits().data?.items.some((unit) => unit.hsaId === hsaId && unit.listed) ?? false;
  // Acting for a child, an errand type closed to proxies cannot be sent: no link to its form.
  const actingFor = useSession().data?.info.actingFor ?? null;
  useDocumentTitle(t('common.documentTitle', { page: card.data?.unit.name ?? t('unit.documentTitle') }));
  if (card.isPending) return <Loading />;
  if (card.isError) return <PageLoadError error={card.error} onRetry={() => void card.refetch()} />;
  const { unit, contact, errandTypes, links, services, closure } = card.data;
  // During a closure only the types the unit keeps open can be started (beyond 1177).
  const closedNow = (typeId: string) => closure?.active === true && !closure.keepsOpen.includes(typeId);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/skicka-arende">{t('unit.back')}</Link>
      </p>
      <h1>{unit.name}</h1>
      {listed ? <p className={styles.listed}>{t('unit.listed')}</p> : null}
      {contact.description ? (
        <p className={styles.about}>{localizedDescription(contact.description, localized)}</p>
      ) : null}
      {closure ? <ClosureNotice closure={closure} /> : null}
      <ContactDetails contact={contact} />
      <section aria-labelledby="unit-errand-types">
        <h2 id="unit-errand-types">{t('unit.errandTypes')}</h2>
        {errandTypes.length === 0 ? (
          <p>{t('unit.noErrandTypes')}</p>
        ) : (
          <ul className={styles.types}>
            {errandTypes.map((type) => (
              <li key={type.id} className={styles.type}>
                {(actingFor && !type.openToProxies) || closedNow(type.id) ? (
                  <p className={styles.typeName}>{localized(type.name)}</p>
                ) : (
                  <Link
                    className={styles.typeName}
                    to={`/mottagningar/${encodeURIComponent(unit.hsaId)}/${encodeURIComponent(type.id)}`}
                  >
                    {localized(type.name)}
                  </Link>
                )}
                {localized(type.description) ? (
                  <p className={styles.description}>{localized(type.description)}</p>
                ) : null}
                {type.replyTime ? <p className={styles.replyTime}>{replyTimeText(t, type.replyTime)}</p> : null}
                {closure ? (
                  <p className={styles.replyTime}>
                    {t(
                      closure.keepsOpen.includes(type.id)
                        ? 'unit.closure.typeOpen'
                        : closure.active
                          ? 'unit.closure.typeClosedNow'
                          : 'unit.closure.typeClosed',
                    )}
                  </p>
                ) : null}
                {type.openToProxies ? null : (
                  <p className={styles.padlock}>
                    <PadlockIcon />
                    {t('unit.notOpenToProxies')}
                    {actingFor ? ` ${t('unit.closedWhileActing', { name: actingFor.name })}` : null}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <UnitServices services={services} />
      {links.length > 0 ? (
        <section aria-labelledby="unit-links">
          <h2 id="unit-links">{t('unit.links')}</h2>
          <ul>
            {links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer">
                  {localized(link.title)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

type Contact = ContactCard['contact'];

/** The closure going on or coming, named before the citizen chooses what to send. */
function ClosureNotice({ closure }: Readonly<{ closure: NonNullable<ContactCard['closure']> }>) {
  const t = useText();
  const localized = useLocalized();
  const { locale } = useLanguage();
  const dates = closureRange(closure.startsOn, closure.endsOn, locale);
  return (
    <section aria-labelledby="unit-closure" className="notice">
      <h2 id="unit-closure">{t(closure.active ? 'unit.closure.headingNow' : 'unit.closure.heading', { dates })}</h2>
      {closure.message ? (
        <p>{localized({ sv: closure.message.sv, en: closure.message.en ?? closure.message.sv })}</p>
      ) : null}
      <p>{t(closure.keepsOpen.length > 0 ? 'unit.closure.keepsOpen' : 'unit.closure.nothingOpen')}</p>
      {closure.coverUnit ? (
        <p>{t('unit.closure.cover', { unit: closure.coverUnit.name })}</p>
      ) : closure.expectAnswerOn ? (
        <p>{t('unit.closure.expect', { date: closureDay(closure.expectAnswerOn, locale) })}</p>
      ) : null}
    </section>
  );
}

/** The description in the reader's language; the Swedish one when there is no English. */
function localizedDescription(
  description: NonNullable<Contact['description']>,
  localized: (text: { sv: string; en: string }) => string,
): string {
  return localized({ sv: description.sv, en: description.en ?? description.sv });
}

/** Phone, visiting address and opening hours, the way people look for them before they call or go. */
function ContactDetails({ contact }: Readonly<{ contact: Contact }>) {
  const t = useText();
  const { phone, visitingAddress, openingHours } = contact;
  const byDay = new Map(openingHours.days.map((day) => [day.day, day]));
  return (
    <section aria-labelledby="unit-contact" className={styles.contact}>
      <h2 id="unit-contact">{t('unit.contact.heading')}</h2>
      <div className={styles.contactColumns}>
        <div>
          <h3>{t('unit.contact.phone')}</h3>
          {phone ? (
            <p>
              <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a>
            </p>
          ) : (
            <p>{t('unit.contact.noPhone')}</p>
          )}
          <h3>{t('unit.contact.visitingAddress')}</h3>
          <p>
            {visitingAddress.street}
            <br />
            {visitingAddress.postalCode} {visitingAddress.city}
          </p>
        </div>
        <div>
          <h3>{t('unit.contact.openingHours')}</h3>
          {openingHours.days.length === 0 ? (
            <p>{t('unit.contact.noOpeningHours')}</p>
          ) : (
            <dl className={styles.hours}>
              {WEEKDAYS.map((day) => {
                const open = byDay.get(day);
                return (
                  <div key={day}>
                    <dt>{t('weekday.name', { day })}</dt>
                    <dd>{open ? t('unit.contact.hours', open) : t('unit.contact.closed')}</dd>
                  </div>
                );
              })}
            </dl>
          )}
          {openingHours.note ? <p>{openingHours.note}</p> : null}
        </div>
      </div>
    </section>
  );
}

/** A closed padlock; the words beside it say what it means, so it is hidden from screen readers. */
function PadlockIcon() {
  return (
    <svg className={styles.padlockIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5Zm2 5a1 1 0 0 1 .5 1.87V12.5h-1v-1.13A1 1 0 0 1 8 9.5Z"
      />
    </svg>
  );
}
