import { AnswerForm, Id, Problem, StaffProfile } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { openAnswerForm } from '../../use-cases/errands/open-answer-form.ts';
import { showStaffProfile } from '../../use-cases/profile/show-staff-profile.ts';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { requireStaff } from '../sessions.ts';

const errors = { '4xx': Problem };

/** What the staff tool needs besides the errand routes: who is logged in, and an errand's answer form. */
export async function staffProfileRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const tags = ['staff'];

  app.get(
    '/api/staff/me',
    {
      schema: {
        tags,
        summary: 'Who is logged in, at which unit and in which roles',
        response: { 200: StaffProfile, ...errors },
      },
    },
    async (request) => showStaffProfile(contextFor(services, requireStaff(request))),
  );

  app.get(
    '/api/staff/errands/:id/answer-form',
    {
      schema: {
        tags,
        summary: "The errand type's answer form, in the version the errand was sent with",
        params: Type.Object({ id: Id }),
        response: { 200: AnswerForm, ...errors },
      },
    },
    async (request) =>
      openAnswerForm(contextFor(services, requireStaff(request)), (request.params as { id: string }).id),
  );
}
