import { citizenUnitRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { listMyUnits, searchUnits } from '../../use-cases/units/find-units.ts';
import { openErrandForm } from '../../use-cases/units/open-errand-form.ts';
import { handle } from '../route-handler.ts';

/** Step 1: the citizen's units, unit search, and opening an errand type's form. */
export async function citizenUnitRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.myUnits, async ({ actor }) => listMyUnits(contextFor(services, actor)));
  handle(app, routes.search, async ({ actor, query }) => searchUnits(contextFor(services, actor), query));
  handle(app, routes.openForm, async ({ actor, params }) =>
    openErrandForm(contextFor(services, actor), params.hsaId, params.errandType),
  );
}
