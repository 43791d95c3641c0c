import { type Static, Type } from 'typebox';

/**
 * What the public pages the law expects (the accessibility statement and the privacy notice) say
 * about this installation: who is the controller, where to write, and how long things are kept.
 * Set by the operator (README: configuration); null where the operator has said nothing.
 */
export const InstallationFacts = Type.Object({
  careProvider: Type.Union([Type.String(), Type.Null()]),
  privacyContact: Type.Union([Type.String(), Type.Null()]),
  dataProtectionOfficer: Type.Union([Type.String(), Type.Null()]),
  accessibilityContact: Type.Union([Type.String(), Type.Null()]),
  retentionMonths: Type.Integer(),
  accessLogKeepYears: Type.Integer(),
  sessionIdleMinutes: Type.Integer(),
});
export type InstallationFacts = Static<typeof InstallationFacts>;
