import { citizenSettingsRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { answerNotificationPrompt } from '../../use-cases/settings/answer-notification-prompt.ts';
import { changeNotificationSettings } from '../../use-cases/settings/change-notification-settings.ts';
import { getNotificationSettings } from '../../use-cases/settings/notification-settings.ts';
import { resendContactCode } from '../../use-cases/settings/resend-contact-code.ts';
import { verifyContact } from '../../use-cases/settings/verify-contact.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** Where the citizen is told that something is new: e-mail and mobile, each verified by a code. */
export async function citizenSettingsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.show, async ({ actor }) => getNotificationSettings(contextFor(services, actor)));
  handle(app, routes.change, async ({ actor, body, request }) =>
    changeNotificationSettings(contextFor(services, actor), body, requestLanguage(request)),
  );
  // Codes are limited per account, per address and (SMS) per installation: 429 with Retry-After.
  handle(app, routes.resendCode, async ({ actor, body }) =>
    resendContactCode(contextFor(services, actor), body.channel),
  );
  // "Not now" to the question after login, remembered on the server (never in the browser).
  handle(app, routes.answerPrompt, async ({ actor, body }) =>
    answerNotificationPrompt(contextFor(services, actor), body),
  );
  // Guessing is bounded per code: five wrong tries and the code is void.
  handle(app, routes.verify, async ({ actor, body }) =>
    verifyContact(contextFor(services, actor), body.channel, body.code),
  );
}
