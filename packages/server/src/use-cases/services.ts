import type { Actor } from '@kontakta/domain';
import type { Config } from '../config/config.ts';
import type { DeletionKeys } from '../encryption/deletion-keys.ts';
import type { KeyRing } from '../encryption/envelope.ts';
import type { Telemetry } from '../observability/telemetry.ts';
import type { Registers } from '../registers/index.ts';
import type { Database } from '../storage/database.ts';

/** What use cases work with, built once at start. */
export type Services = Readonly<{
  config: Config;
  database: Database;
  keys: KeyRing;
  /** The monthly deletion keys errands' data keys are wrapped under (see encryption/deletion-keys.ts). */
  deletionKeys: DeletionKeys;
  registers: Registers;
  clock: () => number;
  /** The operator's metrics; absent where nobody reads them (tools, some tests). */
  telemetry?: Telemetry;
}>;

/** One request's view: who asks and when. Authorization is every use case's first statement. */
export type UseCaseContext<A extends Actor = Actor> = Services & Readonly<{ actor: A; now: number }>;

export function contextFor<A extends Actor>(services: Services, actor: A): UseCaseContext<A> {
  return { ...services, actor, now: services.clock() };
}
