import { ANSWER_HOUR_EDGES, findBaseErrandType } from '@kontakta/domain';
import { UNANSWERED_AGE_DAYS } from '../../storage/repositories/statistics.repository.ts';

// Names of the statistics' rows and columns in both languages, so the web app and the CSV show
// the same words. Places and units have one name (the catalogue's) in both.

export type Localized = { sv: string; en: string };

const same = (text: string): Localized => ({ sv: text, en: text });

export function periodLabel(period: string): Localized {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return { sv: `${week[1]} v. ${Number(week[2])}`, en: `${week[1]} week ${Number(week[2])}` };
  return same(period);
}

export function answerBucketLabel(bucket: number): Localized {
  const from = ANSWER_HOUR_EDGES[bucket] ?? 0;
  const to = ANSWER_HOUR_EDGES[bucket + 1];
  return to === undefined
    ? { sv: `${from}+ tim`, en: `${from}+ h` }
    : { sv: `${from}–${to} tim`, en: `${from}–${to} h` };
}

export function ageBucketLabel(bucket: number): Localized {
  const from = UNANSWERED_AGE_DAYS[bucket] ?? 0;
  const to = UNANSWERED_AGE_DAYS[bucket + 1];
  if (to === undefined) return { sv: `${from}+ dagar`, en: `${from}+ days` };
  if (from === 0) return { sv: `under ${to} dag`, en: `under ${to} day` };
  return { sv: `${from}–${to} dagar`, en: `${from}–${to} days` };
}

const LOGIN_METHODS: Record<string, Localized> = {
  eid: { sv: 'E-legitimation', en: 'e-ID' },
  'password-sms': { sv: 'Lösenord och sms-kod', en: 'Password and SMS code' },
};

export function loginMethodLabel(method: string): Localized {
  return LOGIN_METHODS[method] ?? same(method);
}

const CHANNELS: Record<string, Localized> = {
  email: { sv: 'E-post', en: 'E-mail' },
  sms: { sv: 'Sms', en: 'SMS' },
  letter: { sv: 'Brev', en: 'Letter' },
};
const OUTCOMES: Record<string, Localized> = {
  sent: { sv: 'levererat', en: 'delivered' },
  bounced: { sv: 'mottagaren nekad', en: 'recipient refused' },
  dead: { sv: 'misslyckat', en: 'failed' },
  expired: { sv: 'för sent', en: 'too late' },
};

export function notificationLabel(key: string): Localized {
  const [channel = '', outcome = ''] = key.split(':');
  const c = CHANNELS[channel] ?? same(channel);
  const o = OUTCOMES[outcome] ?? same(outcome);
  return { sv: `${c.sv}: ${o.sv}`, en: `${c.en}: ${o.en}` };
}

export const ALL: Localized = { sv: 'Alla', en: 'All' };
export const UNKNOWN_PLACE: Localized = { sv: 'Okänd', en: 'Unknown' };

export function baseTypeName(errandType: string): Localized | undefined {
  return findBaseErrandType(errandType)?.name;
}
