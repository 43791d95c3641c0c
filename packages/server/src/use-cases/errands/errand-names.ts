import { findBaseErrandType } from '@kontakta/domain';
import type { ReferenceReads } from '../reference-reads.ts';

export type Localized = { sv: string; en: string };

const PROFESSIONS: Record<string, Localized> = {
  doctor: { sv: 'Läkare', en: 'Doctor' },
  nurse: { sv: 'Sjuksköterska', en: 'Nurse' },
  'assistant-nurse': { sv: 'Undersköterska', en: 'Assistant nurse' },
  midwife: { sv: 'Barnmorska', en: 'Midwife' },
  psychologist: { sv: 'Psykolog', en: 'Psychologist' },
  counsellor: { sv: 'Kurator', en: 'Counsellor' },
  physiotherapist: { sv: 'Fysioterapeut', en: 'Physiotherapist' },
  'occupational-therapist': { sv: 'Arbetsterapeut', en: 'Occupational therapist' },
  administrator: { sv: 'Administratör', en: 'Administrator' },
};

export function professionName(profession: string | undefined): Localized {
  return (profession && PROFESSIONS[profession]) || { sv: 'Vårdpersonal', en: 'Care staff' };
}

/** The name of an errand type: the national one for base types, the unit's own for custom types. */
export async function errandTypeName(
  reads: Pick<ReferenceReads, 'unitErrandType'>,
  unitHsaId: string,
  errandType: string,
  cache = new Map<string, Localized>(),
): Promise<Localized> {
  const key = `${unitHsaId}/${errandType}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const base = findBaseErrandType(errandType);
  let name: Localized = base ? base.name : { sv: 'Ärende', en: 'Errand' };
  if (!base) {
    const custom = await reads.unitErrandType(unitHsaId, errandType);
    if (custom?.name_sv && custom.name_en) name = { sv: custom.name_sv, en: custom.name_en };
  }
  cache.set(key, name);
  return name;
}
