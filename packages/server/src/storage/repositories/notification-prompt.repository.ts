import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

// "Inte nu" to the question after login about where notifications go, kept per person asked and
// person whose notifications it is about (a guardian acting for a child is asked for the child's).

export async function hasDeclinedNotificationPrompt(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  askedCitizenId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('notification_prompt_decline')
    .select('declined_at')
    .where('citizen_id', '=', citizenId)
    .where('asked_citizen_id', '=', askedCitizenId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function declineNotificationPrompt(
  db: Kysely<DatabaseSchema>,
  row: Readonly<{ citizenId: string; askedCitizenId: string; at: number }>,
): Promise<void> {
  await db
    .insertInto('notification_prompt_decline')
    .values({ citizen_id: row.citizenId, asked_citizen_id: row.askedCitizenId, declined_at: row.at })
    .onConflict((oc) => oc.columns(['citizen_id', 'asked_citizen_id']).doNothing())
    .execute();
}

/** Asked again after the next login (the citizen chose "ask me again" in the settings). */
export async function forgetNotificationPromptDecline(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  askedCitizenId: string,
): Promise<void> {
  await db
    .deleteFrom('notification_prompt_decline')
    .where('citizen_id', '=', citizenId)
    .where('asked_citizen_id', '=', askedCitizenId)
    .execute();
}
