import type { Actor, StaffRole } from '../actors/actor.ts';

/**
 * Who may see an errand: exactly the citizen it belongs to (or a guardian acting for that
 * citizen), the unit's receivers, and the caregivers it is assigned to or who answered it.
 * Everyone else gets `undefined`, which the server turns into a 404: existence stays hidden.
 * Staff act within the unit they chose at login, with the roles they hold there.
 */

export type ErrandAccessFacts = Readonly<{
  citizenId: string;
  unitHsaId: string;
  assignedTo: string | null;
  answeredBy: readonly string[];
}>;

export type ErrandAccess =
  | Readonly<{ as: 'citizen'; citizenId: string; onBehalfOf?: string }>
  | Readonly<{ as: StaffRole & ('receiver' | 'caregiver'); hsaId: string; unitHsaId: string }>;

export function errandAccess(actor: Actor, errand: ErrandAccessFacts): ErrandAccess | undefined {
  if (actor.kind === 'citizen') {
    const actingFor = actor.actingForCitizenId ?? actor.citizenId;
    if (actingFor !== errand.citizenId) return undefined;
    return actor.actingForCitizenId
      ? { as: 'citizen', citizenId: errand.citizenId, onBehalfOf: actor.citizenId }
      : { as: 'citizen', citizenId: errand.citizenId };
  }
  if (actor.unitHsaId !== errand.unitHsaId) return undefined;
  // A receiver sees the whole inbox; a caregiver only what is theirs. Someone holding both roles
  // acts as receiver, the wider of the two.
  if (actor.roles.includes('receiver')) return { as: 'receiver', hsaId: actor.hsaId, unitHsaId: actor.unitHsaId };
  const theirs = errand.assignedTo === actor.hsaId || errand.answeredBy.includes(actor.hsaId);
  if (actor.roles.includes('caregiver') && theirs) {
    return { as: 'caregiver', hsaId: actor.hsaId, unitHsaId: actor.unitHsaId };
  }
  return undefined;
}

/** Whether the actor may see the unit's inbox (the list of all its errands). */
export function mayListUnitInbox(actor: Actor, unitHsaId: string): boolean {
  return actor.kind === 'staff' && actor.unitHsaId === unitHsaId && actor.roles.includes('receiver');
}
