import { defineRoute } from '../route.ts';
import {
  ChangeNotificationSettingsBody,
  NotificationPromptBody,
  NotificationSettings,
  ResendContactCodeBody,
  VerifyContactBody,
} from '../settings.schema.ts';

const tags = ['citizen'];

/** Where the citizen is told that something is new: e-mail and mobile, each verified by a code. */
export const citizenSettingsRoutes = {
  show: defineRoute({
    method: 'GET',
    path: '/api/citizen/settings',
    audience: 'citizen',
    summary: 'Notification settings',
    tags,
    status: 200,
    response: NotificationSettings,
  }),
  change: defineRoute({
    method: 'PUT',
    path: '/api/citizen/settings',
    audience: 'citizen',
    summary:
      'Change e-mail, mobile or language (a new address gets a code to confirm it; changing an address needs a login within 10 minutes)',
    tags,
    body: ChangeNotificationSettingsBody,
    status: 200,
    response: NotificationSettings,
  }),
  // Codes are limited per account, per address and (SMS) per installation: 429 with Retry-After.
  resendCode: defineRoute({
    method: 'POST',
    path: '/api/citizen/settings/resend',
    audience: 'citizen',
    summary: 'Send a new code to the address that waits to be confirmed',
    tags,
    body: ResendContactCodeBody,
    status: 200,
    response: NotificationSettings,
  }),
  // "Not now" (`ask: false`) to being asked after login for an address; `ask: true` asks again.
  answerPrompt: defineRoute({
    method: 'PUT',
    path: '/api/citizen/settings/address-prompt',
    audience: 'citizen',
    summary: 'Whether to be asked after login where notifications should go ("not now" is remembered)',
    tags,
    body: NotificationPromptBody,
    status: 200,
    response: NotificationSettings,
  }),
  // Guessing is bounded per code: five wrong tries and the code is void.
  verify: defineRoute({
    method: 'POST',
    path: '/api/citizen/settings/verify',
    audience: 'citizen',
    summary: 'Confirm an address with the code sent to it',
    tags,
    body: VerifyContactBody,
    status: 200,
    response: NotificationSettings,
  }),
} as const;
