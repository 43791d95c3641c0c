import { CitizenProfile } from '../profile.schema.ts';
import { defineRoute } from '../route.ts';

const tags = ['citizen'];

/** Who is logged in, for the citizen's pages. */
export const citizenProfileRoutes = {
  me: defineRoute({
    method: 'GET',
    path: '/api/citizen/me',
    audience: 'citizen',
    summary: 'Who is logged in (name only)',
    tags,
    status: 200,
    response: CitizenProfile,
  }),
} as const;
