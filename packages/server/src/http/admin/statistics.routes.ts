import { statisticsRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { contextFor, type Services } from '../../use-cases/services.ts';
import { exportStatisticsCsv } from '../../use-cases/statistics/export-statistics-csv.ts';
import { showStatistics } from '../../use-cases/statistics/show-statistics.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';

/** Statistics for unit and regional administrators; who sees what is the use case's first decision. */
export async function statisticsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  handle(app, routes.show, async ({ actor, query }) => showStatistics(contextFor(services, actor), query));
  handle(app, routes.exportCsv, async ({ actor, query, request, reply }) => {
    const { filename, csv } = await exportStatisticsCsv(contextFor(services, actor), query, requestLanguage(request));
    reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return csv;
  });
}
