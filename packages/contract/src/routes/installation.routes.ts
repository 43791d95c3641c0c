import { InstallationFacts } from '../installation.schema.ts';
import { defineRoute } from '../route.ts';

/** Facts about this installation for its public pages (accessibility statement, privacy notice). */
export const installationRoutes = {
  facts: defineRoute({
    method: 'GET',
    path: '/api/installation',
    audience: 'public',
    summary: 'Who runs this installation and how long it keeps data, for its public pages',
    tags: ['installation'],
    status: 200,
    response: InstallationFacts,
  }),
} as const;
