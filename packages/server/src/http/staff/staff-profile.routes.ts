import { staffErrandRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { openAnswerForm } from '../../use-cases/errands/open-answer-form.ts';
import { showStaffProfile } from '../../use-cases/profile/show-staff-profile.ts';
import {
  changeStaffNoticeSettings,
  confirmStaffNoticeEmail,
  resendStaffNoticeCode,
  showStaffNoticeSettings,
} from '../../use-cases/profile/staff-notice-settings.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** What the staff tool needs besides the errand routes: who is logged in, and an errand's answer form. */
export async function staffProfileRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.me, async ({ actor }) => showStaffProfile(contextFor(services, actor)));
  handle(app, routes.showNoticeSettings, async ({ actor }) => showStaffNoticeSettings(contextFor(services, actor)));
  handle(app, routes.changeNoticeSettings, async ({ actor, body, request }) =>
    changeStaffNoticeSettings(contextFor(services, actor), body, requestLanguage(request)),
  );
  handle(app, routes.confirmNoticeEmail, async ({ actor, body }) =>
    confirmStaffNoticeEmail(contextFor(services, actor), body.code),
  );
  handle(app, routes.resendNoticeCode, async ({ actor, request }) =>
    resendStaffNoticeCode(contextFor(services, actor), requestLanguage(request)),
  );
  handle(app, routes.answerForm, async ({ actor, params }) => openAnswerForm(contextFor(services, actor), params.id));
}
