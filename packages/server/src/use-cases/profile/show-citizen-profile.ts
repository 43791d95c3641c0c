import type { CitizenProfile } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { findCitizenById } from '../../storage/repositories/citizen.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

/** The logged-in citizen's name (refreshed from the population register at every login), for the header. */
export async function showCitizenProfile(ctx: UseCaseContext<CitizenActor>): Promise<CitizenProfile> {
  const citizen = await findCitizenById(ctx.database.db, ctx.actor.citizenId);
  if (!citizen) throw new AppError('not-found');
  return { givenName: citizen.given_name, familyName: citizen.family_name };
}
