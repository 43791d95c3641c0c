import {
  ChangeNotificationSettingsBody,
  NotificationSettings,
  Problem,
  ResendContactCodeBody,
  VerifyContactBody,
} from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { changeNotificationSettings } from '../../use-cases/settings/change-notification-settings.ts';
import { getNotificationSettings } from '../../use-cases/settings/notification-settings.ts';
import { resendContactCode } from '../../use-cases/settings/resend-contact-code.ts';
import { verifyContact } from '../../use-cases/settings/verify-contact.ts';
import { requestLanguage } from '../request-language.ts';
import { requireCitizen } from '../sessions.ts';

const errors = { '4xx': Problem };

/** Where the citizen is told that something is new: e-mail and mobile, each verified by a code. */
export async function citizenSettingsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['citizen'];
  app.get(
    '/api/citizen/settings',
    { schema: { tags, summary: 'Notification settings', response: { 200: NotificationSettings, ...errors } } },
    async (request) => getNotificationSettings(contextFor(services, requireCitizen(request))),
  );
  app.put(
    '/api/citizen/settings',
    {
      schema: {
        tags,
        summary:
          'Change e-mail, mobile or language (a new address gets a code to confirm it; changing an address needs a login within 10 minutes)',
        body: ChangeNotificationSettingsBody,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) =>
      changeNotificationSettings(
        contextFor(services, requireCitizen(request)),
        request.body as Static<typeof ChangeNotificationSettingsBody>,
        requestLanguage(request),
      ),
  );
  // Codes are limited per account, per address and (SMS) per installation: 429 with Retry-After.
  app.post(
    '/api/citizen/settings/resend',
    {
      schema: {
        tags,
        summary: 'Send a new code to the address that waits to be confirmed',
        body: ResendContactCodeBody,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const { channel } = request.body as Static<typeof ResendContactCodeBody>;
      return resendContactCode(contextFor(services, requireCitizen(request)), channel);
    },
  );
  // Guessing is bounded per code: five wrong tries and the code is void.
  app.post(
    '/api/citizen/settings/verify',
    {
      schema: {
        tags,
        summary: 'Confirm an address with the code sent to it',
        body: VerifyContactBody,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const { channel, code } = request.body as Static<typeof VerifyContactBody>;
      return verifyContact(contextFor(services, requireCitizen(request)), channel, code);
    },
  );
}
