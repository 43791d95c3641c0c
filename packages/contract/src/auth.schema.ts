import { type Static, Type } from 'typebox';

/**
 * Why a login through e-ID was refused. The server redirects to `/inloggning/nekad?orsak=<code>`
 * (never any personal data in the address) and the web app explains the code in words.
 */
export const LOGIN_REFUSALS = [
  /** The e-ID's level of assurance (`acr`) is below what the installation accepts, e.g. basic Freja (LoA 2). */
  'insufficient-assurance',
  /** The e-ID carried no personnummer at all (e.g. a foreign e-ID). */
  'no-personnummer',
  /** A coordination number (samordningsnummer): cannot log in. */
  'coordination-number',
  /** A reserve or interim number: cannot log in. */
  'reserve-number',
  /** The claim was not a valid personnummer. */
  'invalid-personnummer',
  /** The population register has no such person. */
  'not-in-population-register',
  /** Staff: the HSA catalogue has no commission for this person. */
  'no-commission',
  /** The person cancelled at the e-ID provider. */
  'cancelled',
  /** The login took too long or was started in another browser; start again. */
  'expired',
  /** A register or the e-ID provider could not answer; try again later. */
  'unavailable',
  /** Anything else that went wrong in the exchange with the e-ID provider. */
  'failed',
] as const;
export type LoginRefusal = (typeof LOGIN_REFUSALS)[number];

/** Which ways to log in this installation offers. */
export const LoginMethods = Type.Object({
  eid: Type.Boolean(),
  passwordAndCode: Type.Boolean({ description: 'Password + SMS code: weaker than e-ID, on per installation.' }),
  staffEid: Type.Boolean(),
});
export type LoginMethods = Static<typeof LoginMethods>;

export const PersonnummerInput = Type.String({
  minLength: 10,
  maxLength: 13,
  description: 'Any written form: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDD-NNNC.',
});

export const SetUpAccountRequest = Type.Object(
  {
    personnummer: PersonnummerInput,
    mobile: Type.String({ minLength: 8, maxLength: 20, description: 'e.g. 070-123 45 67 or +46701234567.' }),
    acceptTerms: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type SetUpAccountRequest = Static<typeof SetUpAccountRequest>;

export const SetUpAccountResponse = Type.Object({
  outcome: Type.Literal('letter-sent', {
    description:
      'The same answer for every personnummer: a password letter is on its way to the registered address if the ' +
      'person is in the population register, their mail is not forwarded and no letter went out today. ' +
      'Nobody learns from it whether any of that is so.',
  }),
});
export type SetUpAccountResponse = Static<typeof SetUpAccountResponse>;

export const PasswordLoginRequest = Type.Object(
  {
    personnummer: PersonnummerInput,
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type PasswordLoginRequest = Static<typeof PasswordLoginRequest>;

export const PasswordLoginResponse = Type.Object({
  codeSentTo: Type.String({ description: 'The account’s mobile number with all but the last two digits hidden.' }),
  codeValidSeconds: Type.Integer(),
});
export type PasswordLoginResponse = Static<typeof PasswordLoginResponse>;

export const LoginCodeResent = Type.Object({
  codeSentTo: Type.String({ description: 'The account’s mobile number with all but the last two digits hidden.' }),
  codeValidSeconds: Type.Integer(),
  resendsLeft: Type.Integer({ minimum: 0, description: 'How many more new codes this login may ask for.' }),
});
export type LoginCodeResent = Static<typeof LoginCodeResent>;

export const LoginCodeRequest = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: 'The six digits from the SMS.' }) },
  { additionalProperties: false },
);
export type LoginCodeRequest = Static<typeof LoginCodeRequest>;

export const StaffUnit = Type.Object({
  hsaId: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
});
export type StaffUnit = Static<typeof StaffUnit>;

/** A region the staff member may administer (a region commission), offered beside their units. */
export const StaffRegion = Type.Object({ code: Type.String(), name: Type.String(), roles: Type.Array(Type.String()) });
export type StaffRegion = Static<typeof StaffRegion>;

export const StaffUnits = Type.Object({
  current: Type.Union([Type.String(), Type.Null()]),
  units: Type.Array(StaffUnit),
  /** The region chosen instead of a unit, or null. */
  currentRegion: Type.Union([Type.String(), Type.Null()]),
  regions: Type.Array(StaffRegion),
  /**
   * Whether the catalogue gives the person the installation-administrator role: the whole
   * installation's statistics may be chosen in the same list (`POST /api/auth/installation`).
   * Chosen now when neither a unit nor a region is (`current` and `currentRegion` null).
   */
  installation: Type.Boolean(),
});
export type StaffUnits = Static<typeof StaffUnits>;

export const ChooseUnitRequest = Type.Object(
  { unitHsaId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type ChooseUnitRequest = Static<typeof ChooseUnitRequest>;

export const ChooseRegionRequest = Type.Object(
  { regionCode: Type.String({ minLength: 1, maxLength: 8 }) },
  { additionalProperties: false },
);
export type ChooseRegionRequest = Static<typeof ChooseRegionRequest>;
