// How many messages with a code Kontakta sends, against SMS pumping (a script making Kontakta
// text premium or far-away numbers and sharing the operator's fees) and against flooding
// someone's phone or mailbox. Counted in fixed windows per account, per recipient and, for SMS,
// for the whole installation (KONTAKTA_SMS_PER_MINUTE); beyond a limit the request is refused
// with 429 and Retry-After, and nothing is sent. Only numbers in the mobile ranges of allowed
// countries get an SMS at all (identity/mobile-number.ts).

export const CODE_MESSAGE_PURPOSES = ['login-code', 'contact-verification'] as const;
export type CodeMessagePurpose = (typeof CODE_MESSAGE_PURPOSES)[number];

export type CodeMessageLimit = Readonly<{ perAccount: number; perRecipient: number; windowMs: number }>;

const MINUTE = 60_000;

export const CODE_MESSAGE_LIMITS: Readonly<Record<CodeMessagePurpose, CodeMessageLimit>> = {
  // A login sends one code and at most three new ones (CODE_MAX_RESENDS), so five leave room for
  // a second login; a phone shared by a couple gets both their codes.
  'login-code': { perAccount: 5, perRecipient: 10, windowMs: 15 * MINUTE },
  // Counted per channel: setting both addresses and asking for one new code fits.
  'contact-verification': { perAccount: 3, perRecipient: 3, windowMs: 15 * MINUTE },
};

/** The installation-wide SMS limit is counted per minute. */
export const GLOBAL_SMS_WINDOW_MS = MINUTE;

/** Why an SMS was not sent; each is a label value of kontakta_sms_refused_total. */
export const SMS_REFUSALS = [
  'country-not-allowed',
  'not-a-mobile-number',
  'account-limit',
  'recipient-limit',
  'global-limit',
] as const;
export type SmsRefusal = (typeof SMS_REFUSALS)[number];
