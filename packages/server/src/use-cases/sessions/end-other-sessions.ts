import type { Actor } from '@kontakta/domain';
import type { Database } from '../../storage/database.ts';
import { deleteOtherSessions } from '../../storage/repositories/session.repository.ts';
import { hashSessionToken } from './session-tokens.ts';

/** "Log out everywhere else": every other session of the same person ends; this one stays. */
export async function endOtherSessions(database: Database, actor: Actor, currentToken: string): Promise<number> {
  const owner = actor.kind === 'citizen' ? { citizenId: actor.citizenId } : { staffHsaId: actor.hsaId };
  return deleteOtherSessions(database.db, owner, hashSessionToken(currentToken));
}
