import { type Static, Type } from 'typebox';
import { Language } from './language.schema.ts';

/** One way of being told that something is new in Kontakta. */
export const ContactChannel = Type.Object({
  address: Type.Union([Type.String(), Type.Null()]),
  /** Only a verified address is used. */
  verified: Type.Boolean(),
  /** A code was sent to the address and has not come back yet. */
  awaitingCode: Type.Boolean(),
  /** Epoch ms when deliveries to the address started to be refused (a wrong number, a closed mailbox). */
  stoppedWorkingAt: Type.Union([Type.Integer(), Type.Null()]),
});

export const NotificationSettings = Type.Object(
  {
    email: ContactChannel,
    mobile: ContactChannel,
    language: Language,
    /**
     * Ask after login where notifications should go: no verified address yet, and the person
     * logged in has not said "not now" (for a child's, a guardian is asked about the child's).
     */
    askForAddress: Type.Boolean(),
  },
  { $id: 'NotificationSettings' },
);
export type NotificationSettings = Static<typeof NotificationSettings>;

export const ChangeNotificationSettingsBody = Type.Object(
  {
    email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
    mobile: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);

/** The answer to the question after login: `ask: false` is "not now", remembered on the server. */
export const NotificationPromptBody = Type.Object({ ask: Type.Boolean() }, { additionalProperties: false });

export const VerifyContactBody = Type.Object(
  { channel: Type.Enum(['email', 'mobile']), code: Type.String({ minLength: 1, maxLength: 12 }) },
  { additionalProperties: false },
);

/** "Send a new code" to the address of `channel` that waits to be confirmed. */
export const ResendContactCodeBody = Type.Object(
  { channel: Type.Enum(['email', 'mobile']) },
  { additionalProperties: false },
);

export const ErrandNotificationStatus = Type.Object({
  channel: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed', 'bounced']),
  /** Masked: enough to tell which address, not to learn it. */
  to: Type.String(),
  createdAt: Type.Integer(),
});
