import { stockholmDate } from '@kontakta/domain';
import type { Insertable } from 'kysely';
import { parseKeyList } from '../../packages/server/src/encryption/master-keys.ts';
import type { ErrandEventTable, ErrandMessageTable, ErrandTable } from '../../packages/server/src/storage/schema.ts';
import { type AccessEntry, type ErrandForms, generateErrand, type StaffPick } from './errand-lifecycle.ts';
import { buildNationalOrganisation, type NationalOrganisation } from './national-organisation.ts';
import { cumulativeOf, pickWeighted, randomFor, STREAM } from './seeded-mix.ts';

// Turning the plan (who sends what when) into rows, a batch at a time. Pure computation plus
// encryption: it runs in a worker thread beside the thread that writes to the database.

/** How often each base type is sent (renewing prescriptions and booking dominate, as at 1177). */
export const TYPE_SHARES: ReadonlyArray<readonly [string, number]> = [
  ['renew-prescription', 22],
  ['cancel-or-reschedule-appointment', 14],
  ['request-appointment', 14],
  ['contact-me', 10],
  ['ask-the-nurse', 9],
  ['advice', 7],
  ['change-listing', 6],
  ['request-certificate', 5],
  ['order-medical-record-copy', 5],
  ['extend-sick-leave', 4],
  ['renew-assistive-aids', 4],
];

/** Everything a batch needs; plain data, so it can be handed to a worker thread. */
export type BatchContext = {
  seed: number;
  inhabitantsPerUnit: number;
  now: number;
  masterKey: string;
  citizenIds: string[];
  /** Citizen number of each errand, in the order errands are sent. */
  owners: Int32Array;
  /** When each errand is sent, ascending. */
  times: Float64Array;
  /** Each citizen's primary-care unit (index into the organisation's units). */
  listedUnit: Int32Array;
  /** Current form versions by `unit|type`. */
  forms: Array<[string, ErrandForms]>;
};

export type ErrandBatch = {
  first: number;
  end: number;
  errands: Insertable<ErrandTable>[];
  messages: Insertable<ErrandMessageTable>[];
  events: Insertable<ErrandEventTable>[];
  access: AccessEntry[];
};

export function errandBatchMaker(context: BatchContext): (first: number, end: number) => ErrandBatch {
  const organisation = buildNationalOrganisation(context.seed, context.inhabitantsPerUnit);
  const keys = parseKeyList(context.masterKey);
  const forms = new Map(context.forms);
  const staffPicks = new Map<string, StaffPick>(
    organisation.units.map((u) => {
      const staff = organisation.staffByUnit.get(u.hsaId) ?? [];
      const withRole = (role: string) =>
        staff.filter((s) => s.commissions.some((c) => c.roles.some((r) => r === role))).map((s) => s.hsaId);
      return [u.hsaId, { receivers: withRole('receiver'), caregivers: withRole('caregiver') }];
    }),
  );
  const typeWeights = cumulativeOf(TYPE_SHARES.map(([, share]) => share));
  const dates = new Map<number, string>();
  const dateOf = (at: number) => {
    const hour = Math.floor(at / 3_600_000);
    let date = dates.get(hour);
    if (!date) {
      date = stockholmDate(new Date(at));
      dates.set(hour, date);
    }
    return date;
  };

  return (first, end) => {
    const batch: ErrandBatch = { first, end, errands: [], messages: [], events: [], access: [] };
    for (let j = first; j < end; j++) {
      const citizenIndex = context.owners[j] as number;
      const random = randomFor(context.seed, STREAM.errand, j);
      const unit = pickUnit(organisation, context.listedUnit[citizenIndex] as number, random);
      const errandType = TYPE_SHARES[pickWeighted(typeWeights, random)]?.[0] ?? 'advice';
      const unitForms = forms.get(`${unit.hsaId}|${errandType}`);
      if (!unitForms) throw new Error(`no form for ${errandType} at ${unit.hsaId}`);
      const generated = generateErrand({
        citizenId: context.citizenIds[citizenIndex] as string,
        unitHsaId: unit.hsaId,
        errandType,
        forms: unitForms,
        staff: staffPicks.get(unit.hsaId) as StaffPick,
        createdAt: context.times[j] as number,
        now: context.now,
        keys,
        random,
        dateOf,
      });
      batch.errands.push(generated.errand);
      batch.messages.push(...generated.messages);
      batch.events.push(...generated.events);
      batch.access.push(...generated.access);
    }
    return batch;
  };
}

/** Two errands in three go to the citizen's own health centre, the rest elsewhere in the region. */
function pickUnit(organisation: NationalOrganisation, listedUnitIndex: number, random: ReturnType<typeof randomFor>) {
  const listed = organisation.units[listedUnitIndex];
  if (!listed) throw new Error('citizen without a listed unit');
  if (random.next() < 0.65) return listed;
  const region = organisation.unitsByRegion.get(listed.regionCode) ?? [];
  const weights = organisation.unitWeightsByRegion.get(listed.regionCode);
  return (weights ? region[pickWeighted(weights, random)] : undefined) ?? listed;
}
