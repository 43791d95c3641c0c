import { type Static, Type } from 'typebox';

// Who is logged in, for the web app's header ("Logged in as …"). Names only: the personnummer is
// never needed to show it, so it is not sent.

export const CitizenProfile = Type.Object({
  givenName: Type.String(),
  familyName: Type.String(),
});
export type CitizenProfile = Static<typeof CitizenProfile>;

export const StaffProfile = Type.Object({
  hsaId: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  profession: Type.String(),
  unit: Type.Union([Type.Object({ hsaId: Type.String(), name: Type.String() }), Type.Null()]),
  roles: Type.Array(Type.String()),
});
export type StaffProfile = Static<typeof StaffProfile>;

/**
 * A staff member's own notices: where a content-free e-mail goes when an errand is assigned to
 * them; null, none (the default).
 */
export const StaffNoticeSettings = Type.Object(
  {
    assignmentEmail: Type.Union([Type.String(), Type.Null()]),
    /** Whether the address's code has come back: only a confirmed address gets e-mails. */
    assignmentEmailConfirmed: Type.Boolean(),
  },
  { $id: 'StaffNoticeSettings' },
);
export type StaffNoticeSettings = Static<typeof StaffNoticeSettings>;

export const StaffNoticeSettingsBody = Type.Object(
  { assignmentEmail: Type.Union([Type.String({ minLength: 3, maxLength: 254 }), Type.Null()]) },
  { additionalProperties: false },
);
export type StaffNoticeSettingsBody = Static<typeof StaffNoticeSettingsBody>;

/** The code sent to the assignment e-mail address, to confirm it. */
export const StaffNoticeCodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 12 }) },
  { additionalProperties: false },
);
