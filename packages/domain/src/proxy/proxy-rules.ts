import { dateOfBirthday, startOfBirthday } from '../personnummer/personnummer-age.ts';
import { isCalendarDate, startOfStockholmDay, stockholmDate, toIsoDate } from '../personnummer/stockholm-calendar.ts';

// Proxy for children (ombud): a guardian may act for their child in Kontakta until the child turns
// the age limit (13 by default). The rules are the same whether a guardian adds a child, switches
// to acting for one, makes any request while acting, or a scheduled review looks at the proxy.

/** What the population register says about the guardian and the child, as far as proxies care. */
export type ProxyParty = Readonly<{
  personnummer: string;
  /** ISO birth date (from the personnummer). */
  birthDate: string;
  protectedIdentity: boolean;
  deceased: boolean;
  /** Guardians of the person (children only). */
  guardians: readonly string[];
}>;

/** Settings an installation may change; the defaults follow the national service. */
export type ProxyRules = Readonly<{
  /** The proxy ends on this birthday. */
  ageLimit: number;
  /** The first notice goes this many months before the proxy ends. */
  firstNoticeMonths: number;
  /** The reminder goes this many days before the proxy ends. */
  reminderDays: number;
}>;

export const DEFAULT_PROXY_RULES: ProxyRules = { ageLimit: 13, firstNoticeMonths: 3, reminderDays: 7 };

export const PROXY_REFUSALS = [
  /** The register has no such person. */
  'child-not-in-register',
  /** The register does not name the guardian as the child's guardian (vårdnadshavare). */
  'not-guardian',
  'child-deceased',
  /** The guardian or the child has protected identity (skyddade personuppgifter). */
  'protected-identity',
  /** The child has reached the age limit. */
  'child-too-old',
] as const;
export type ProxyRefusal = (typeof PROXY_REFUSALS)[number];

/**
 * Whether `guardian` may act for `child` at `now`, or why not. Checked in this order so that a
 * stranger learns nothing about someone else's child beyond "not your child": protected identity,
 * age and death are told only to the child's own guardian.
 */
export function proxyRefusal(
  guardian: ProxyParty,
  child: ProxyParty | undefined,
  now: Date,
  rules: ProxyRules,
): ProxyRefusal | undefined {
  if (!child) return 'child-not-in-register';
  if (!child.guardians.includes(guardian.personnummer)) return 'not-guardian';
  if (child.deceased) return 'child-deceased';
  if (guardian.protectedIdentity || child.protectedIdentity) return 'protected-identity';
  if (now.getTime() >= proxyEndsAt(child, rules).getTime()) return 'child-too-old';
  return undefined;
}

/** The instant the proxy ends: midnight Stockholm time on the birthday of the age limit. */
export function proxyEndsAt(child: Pick<ProxyParty, 'birthDate'>, rules: ProxyRules): Date {
  return startOfBirthday(child, rules.ageLimit);
}

/** The Swedish calendar date (ISO) on which the proxy ends. */
export function proxyEndDate(child: Pick<ProxyParty, 'birthDate'>, rules: ProxyRules): string {
  return dateOfBirthday(child, rules.ageLimit);
}

export type ProxyNotice = 'first-notice' | 'reminder';

export type ProxyStage =
  | Readonly<{ stage: 'active' }>
  | Readonly<{ stage: 'notice-due'; notice: ProxyNotice; endDate: string }>
  | Readonly<{ stage: 'ended'; endDate: string }>;

/**
 * Where a proxy stands at `now`: ended on or after the birthday, within the reminder period, within
 * the first notice period, or simply active. After a missed run only the latest notice that applies
 * is due: a guardian is not sent "three months left" a week before the end.
 */
export function proxyStage(child: Pick<ProxyParty, 'birthDate'>, now: Date, rules: ProxyRules): ProxyStage {
  const endDate = proxyEndDate(child, rules);
  const today = stockholmDate(now);
  if (today >= endDate) return { stage: 'ended', endDate };
  if (today >= daysBeforeDate(endDate, rules.reminderDays)) return { stage: 'notice-due', notice: 'reminder', endDate };
  if (today >= monthsBeforeDate(endDate, rules.firstNoticeMonths)) {
    return { stage: 'notice-due', notice: 'first-notice', endDate };
  }
  return { stage: 'active' };
}

/** The day `months` calendar months before `isoDate` (the month's last day when it has no such day). */
export function monthsBeforeDate(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  let targetDay = day;
  while (!isCalendarDate(targetYear, targetMonth, targetDay)) targetDay -= 1;
  return toIsoDate(targetYear, targetMonth, targetDay);
}

/** The day `days` days before `isoDate` on the calendar. */
export function daysBeforeDate(isoDate: string, days: number): string {
  // Noon avoids any clock change; only the calendar day is read back.
  const noon = new Date(startOfStockholmDay(isoDate).getTime() + 12 * 3_600_000 - days * 86_400_000);
  return stockholmDate(noon);
}
