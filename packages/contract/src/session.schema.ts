import { type Static, Type } from 'typebox';

/** What the web app learns about the current session: enough to act, nothing to identify. */
export const SessionInfo = Type.Object({
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('staff')]),
  csrfToken: Type.String({ description: 'Send as `X-CSRF-Token` on every state-changing request.' }),
  idleExpiresAt: Type.Integer({ description: 'Epoch ms when the session ends unless used.' }),
  expiresAt: Type.Integer({ description: 'Epoch ms of the absolute end of the session.' }),
  unitHsaId: Type.Union([Type.String(), Type.Null()]),
  /** The region a staff session administers (chosen instead of a unit), or null. */
  regionCode: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  /** The child a guardian acts for (proxy), or null when acting as oneself (always null for staff). */
  actingFor: Type.Union([Type.Object({ childId: Type.String(), name: Type.String() }), Type.Null()]),
});
export type SessionInfo = Static<typeof SessionInfo>;

/** How many other sessions "log out everywhere else" ended. */
export const EndedSessions = Type.Object({ ended: Type.Integer({ minimum: 0 }) });
export type EndedSessions = Static<typeof EndedSessions>;
