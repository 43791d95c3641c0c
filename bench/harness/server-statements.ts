// Statements per request (issue 20 pt 7): the server counts every statement its database
// connection runs (kontakta_database_statements_total) and every request it answers
// (kontakta_http_request_duration_seconds_count); read both from its /metrics before and after a
// benchmark, and the quotient is what one request of that benchmark costs the database.

export type ServerCounts = Readonly<{ statements: number; requests: number }>;

/** The server's counts now; the reads of /metrics itself are left out. */
export async function readServerCounts(serverUrl: string): Promise<ServerCounts | undefined> {
  const response = await fetch(new URL('/metrics', serverUrl));
  if (!response.ok) return undefined;
  let statements = 0;
  let requests = 0;
  for (const line of (await response.text()).split('\n')) {
    if (line.startsWith('kontakta_database_statements_total ')) statements += Number(line.split(' ')[1]);
    else if (line.startsWith('kontakta_http_request_duration_seconds_count{') && !line.includes('route="/metrics"'))
      requests += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return { statements, requests };
}

/** Statements per request between two readings; undefined when the server counts no statements. */
export function statementsPerRequest(before?: ServerCounts, after?: ServerCounts): number | undefined {
  if (!before || !after) return undefined;
  const requests = after.requests - before.requests;
  const statements = after.statements - before.statements;
  return requests > 0 && statements > 0 ? statements / requests : undefined;
}
