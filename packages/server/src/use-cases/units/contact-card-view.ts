import type { OpeningDay, ReplyTime, UnitContactDetails, VisitingAddress } from '@kontakta/contract';
import type { CareUnitRow } from '../../storage/repositories/unit.repository.ts';
import type { UnitContactCardRow, UnitReplyTimeRow } from '../../storage/repositories/unit-contact-card.repository.ts';

// Stored contact-card rows as the contract shows them, shared by the citizen's contact card and
// the administrator's settings.

export function catalogueAddress(unit: CareUnitRow): VisitingAddress {
  return { street: unit.street, postalCode: unit.postal_code, city: unit.city };
}

export function ownVisitingAddress(row: UnitContactCardRow | undefined): VisitingAddress | null {
  if (!row?.visiting_street || !row.visiting_postal_code || !row.visiting_city) return null;
  return { street: row.visiting_street, postalCode: row.visiting_postal_code, city: row.visiting_city };
}

export function openingDays(row: UnitContactCardRow | undefined): OpeningDay[] {
  return row ? (JSON.parse(row.opening_hours) as OpeningDay[]) : [];
}

export function unitDescription(row: UnitContactCardRow | undefined): UnitContactDetails['description'] {
  return row?.description_sv ? { sv: row.description_sv, en: row.description_en } : null;
}

export function contactDetails(unit: CareUnitRow, row: UnitContactCardRow | undefined): UnitContactDetails {
  return {
    phone: row?.phone ?? null,
    visitingAddress: ownVisitingAddress(row) ?? catalogueAddress(unit),
    openingHours: { days: openingDays(row), note: row?.opening_hours_note ?? null },
    description: unitDescription(row),
  };
}

export function replyTimeOf(row: UnitReplyTimeRow | undefined): ReplyTime | null {
  return row ? { amount: row.amount, unit: row.unit } : null;
}
