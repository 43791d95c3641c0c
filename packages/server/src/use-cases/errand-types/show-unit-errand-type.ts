import type { AdminErrandTypeDetail } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import type { Static } from 'typebox';
import { findFormVersion, listFormVersions } from '../../storage/repositories/errand-type.repository.ts';
import { regionFrameOfUnit } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator } from '../units/unit-administration.ts';
import {
  findAdministeredErrandType,
  presentUnconfiguredBaseType,
  presentUnitErrandType,
} from './present-unit-errand-type.ts';

/**
 * One errand type as the form builder loads it: its settings, the current version's two forms,
 * and the list of versions (errands sent earlier keep and show theirs).
 */
export async function showUnitErrandType(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  errandType: string,
): Promise<Static<typeof AdminErrandTypeDetail>> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const { db } = ctx.database;
  const found = await findAdministeredErrandType(db, unitHsaId, errandType);
  const { row } = found;
  const current = row?.current_version_id ? await findFormVersion(db, row.current_version_id) : undefined;
  const versions = await listFormVersions(db, unitHsaId, errandType);
  const frame = (await regionFrameOfUnit(db, unitHsaId))(errandType);
  const summary = row
    ? presentUnitErrandType(row, current?.version ?? null, frame)
    : presentUnconfiguredBaseType((found as Extract<typeof found, { kind: 'base' }>).type, frame);
  return {
    ...summary,
    citizenForm: current ? (JSON.parse(current.definition) as unknown) : null,
    answerForm: current ? (JSON.parse(current.answer_definition) as unknown) : null,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.created_at, createdBy: v.created_by })),
  };
}
