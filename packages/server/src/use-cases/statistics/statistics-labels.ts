import { ANSWER_DAY_EDGES, ANSWER_HOUR_EDGES, findBaseErrandType, type Language } from '@kontakta/domain';
import { type ServerMessageId, type ServerText, serverTexts, type TextValues } from '../../i18n/server-texts.ts';
import { UNANSWERED_AGE_DAYS } from '../../storage/repositories/statistics.repository.ts';

// Names of the statistics' rows and columns in both languages, so the web app and the CSV show
// the same words; the words are the server's message catalogue's (`statistics.*`). Places and
// units have one name (the catalogue's) in both.

export type Localized = { sv: string; en: string };

/** The server's texts in a language: serverTexts, or the pseudo-locale's in its test. */
export type TextsFor = (language: Language) => ServerText;

const same = (text: string): Localized => ({ sv: text, en: text });

function both(textsFor: TextsFor, id: ServerMessageId, values?: TextValues): Localized {
  return { sv: textsFor('sv')(id, values), en: textsFor('en')(id, values) };
}

export function periodLabel(period: string, textsFor: TextsFor = serverTexts): Localized {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return both(textsFor, 'statistics.period.week', { year: week[1] ?? '', week: Number(week[2]) });
  return same(period);
}

export function answerBucketLabel(bucket: number, textsFor: TextsFor = serverTexts): Localized {
  const from = ANSWER_HOUR_EDGES[bucket] ?? 0;
  const to = ANSWER_HOUR_EDGES[bucket + 1];
  return to === undefined
    ? both(textsFor, 'statistics.answer-hours.open', { from })
    : both(textsFor, 'statistics.answer-hours.range', { from, to });
}

export function answerDayBucketLabel(bucket: number, textsFor: TextsFor = serverTexts): Localized {
  const from = ANSWER_DAY_EDGES[bucket] ?? 0;
  const to = ANSWER_DAY_EDGES[bucket + 1];
  if (to === undefined) return both(textsFor, 'statistics.answer-days.open', { from });
  if (from === 0) return both(textsFor, 'statistics.answer-days.same-day');
  if (to === from + 1) return both(textsFor, 'statistics.answer-days.one', { days: from });
  return both(textsFor, 'statistics.answer-days.range', { from, to: to - 1 });
}

export function ageBucketLabel(bucket: number, textsFor: TextsFor = serverTexts): Localized {
  const from = UNANSWERED_AGE_DAYS[bucket] ?? 0;
  const to = UNANSWERED_AGE_DAYS[bucket + 1];
  if (to === undefined) return both(textsFor, 'statistics.age.open', { from });
  if (from === 0) return both(textsFor, 'statistics.age.under', { to });
  return both(textsFor, 'statistics.age.range', { from, to });
}

const LOGIN_METHODS: Readonly<Record<string, ServerMessageId>> = {
  eid: 'statistics.login.eid',
  'password-sms': 'statistics.login.password-sms',
};

export function loginMethodLabel(method: string, textsFor: TextsFor = serverTexts): Localized {
  const id = LOGIN_METHODS[method];
  return id ? both(textsFor, id) : same(method);
}

/** Staff log in with SITHS, their e-ID card. */
export function staffLoginMethodLabel(method: string, textsFor: TextsFor = serverTexts): Localized {
  return method === 'eid' ? both(textsFor, 'statistics.staff-login.eid') : same(method);
}

const CHANNELS: Readonly<Record<string, ServerMessageId>> = {
  email: 'statistics.channel.email',
  sms: 'statistics.channel.sms',
  letter: 'statistics.channel.letter',
};
const OUTCOMES: Readonly<Record<string, ServerMessageId>> = {
  sent: 'statistics.outcome.sent',
  bounced: 'statistics.outcome.bounced',
  dead: 'statistics.outcome.dead',
  expired: 'statistics.outcome.expired',
};

/** Every channel:outcome a notification can end in, for the test that renders every label. */
export const NOTIFICATION_KEYS: readonly string[] = Object.keys(CHANNELS).flatMap((channel) =>
  Object.keys(OUTCOMES).map((outcome) => `${channel}:${outcome}`),
);

export function notificationLabel(key: string, textsFor: TextsFor = serverTexts): Localized {
  const [channel = '', outcome = ''] = key.split(':');
  const word = (ids: Readonly<Record<string, ServerMessageId>>, value: string, language: Language) => {
    const id = ids[value];
    return id ? textsFor(language)(id) : value;
  };
  const label = (language: Language) =>
    textsFor(language)('statistics.notification', {
      channel: word(CHANNELS, channel, language),
      outcome: word(OUTCOMES, outcome, language),
    });
  return { sv: label('sv'), en: label('en') };
}

export function allLabel(textsFor: TextsFor = serverTexts): Localized {
  return both(textsFor, 'statistics.all');
}

export function unknownPlaceLabel(textsFor: TextsFor = serverTexts): Localized {
  return both(textsFor, 'statistics.unknown-place');
}

export function baseTypeName(errandType: string): Localized | undefined {
  return findBaseErrandType(errandType)?.name;
}
