import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StaffRole } from '@kontakta/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../config/config.ts';
import { openDeletionKeys } from '../encryption/deletion-keys.ts';
import type { KeyRing } from '../encryption/envelope.ts';
import { buildApp } from '../http/app.ts';
import type { Metrics } from '../observability/prometheus-metrics.ts';
import { demoPersonas, type Registers } from '../registers/index.ts';
import type { Dialect, OpenOptions } from '../storage/database.ts';
import { offerDefaultErrandTypes } from '../use-cases/errand-types/offer-default-errand-types.ts';
import { syncOrganisation } from '../use-cases/organisation/sync-organisation.ts';
import type { Services } from '../use-cases/services.ts';
import { createTestDatabase, type TestDatabase } from './test-databases.ts';
import { demoRegisters } from './test-registers.ts';
import { loginTestCitizen, loginTestStaff, type TestLogin } from './test-sessions.ts';

/**
 * A whole Kontakta for API tests: a fresh database with the demo organisation and its default
 * errand types, the app with a known master key, and logins for the demo personas.
 */
export type ErrandFixture = Awaited<ReturnType<typeof createErrandFixture>>;

export async function createErrandFixture(
  dialect: Dialect,
  options: {
    clock?: () => number;
    logStream?: DestinationStream;
    /** The app's metrics, for a test that also hands them to a worker or the database. */
    metrics?: Metrics;
    /** How the database is opened (e.g. with group commit, as the server does). */
    open?: OpenOptions;
    /** More configuration, as environment variables (demo mode is always on). */
    env?: Record<string, string>;
    /** Registers instead of today's demo register (e.g. one a test changes). */
    registers?: Registers;
    /** Sees every statement the app sends (e.g. testing/statement-counter.ts). */
    plugin?: KyselyPlugin;
  } = {},
) {
  const opened: TestDatabase = await createTestDatabase(dialect, options.open ? { open: options.open } : {});
  const database: TestDatabase = options.plugin ? { ...opened, db: opened.db.withPlugin(options.plugin) } : opened;
  const registers = options.registers ?? demoRegisters();
  const now = options.clock ?? Date.now;
  await syncOrganisation(database, registers, now());
  const units = await registers.listCareUnits();
  await offerDefaultErrandTypes(
    database,
    units.map((u) => ({
      hsaId: u.hsaId,
      kind: u.kind,
      notificationEmail: `inkorg.${u.hsaId.toLowerCase()}@mottagning.example`,
    })),
    now(),
  );
  const keys: KeyRing = { currentId: 'test-key', keys: new Map([['test-key', randomBytes(32)]]) };
  // The deletion keys live in a file of their own, as in production, in a folder of this test's.
  const keyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-keys-'));
  const deletionKeyFile = path.join(keyFolder, 'deletion-keys.json');
  const deletionKeys = openDeletionKeys(deletionKeyFile);
  // A test that reads the log lines (to prove what never reaches them) gets them at info level.
  const config = loadConfig({
    // A busy test machine lags; shedding load is tested on its own (http/overload.int.test.ts).
    KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '60000',
    ...options.env,
    KONTAKTA_DEMO: 'true',
    KONTAKTA_LOG_LEVEL: options.logStream ? 'info' : 'silent',
  });
  const app: FastifyInstance = await buildApp({
    config,
    database,
    registers,
    keys,
    deletionKeys,
    clock: now,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  await app.ready();
  const personas = demoPersonas(new Date());

  async function citizen(personnummer: string): Promise<Client> {
    const person = await registers.findPerson(personnummer);
    const login = await loginTestCitizen(
      database,
      config,
      { personnummer, givenName: person?.name.given ?? 'Test', familyName: person?.name.family ?? 'Testsson' },
      now(),
    );
    return client(app, login);
  }

  /** Logs a staff member in at a unit with the roles the HSA catalogue gives them there. */
  async function staff(hsaId: string, unitHsaId: string): Promise<Client> {
    const employee = await registers.findEmployee(hsaId);
    const roles = (employee?.commissions.find((c) => c.unitHsaId === unitHsaId)?.roles ?? []) as StaffRole[];
    const login = await loginTestStaff(
      database,
      config,
      { hsaId, unitHsaId, roles, profession: employee?.profession ?? 'nurse' },
      now(),
    );
    await database.db
      .updateTable('staff_member')
      .set({ given_name: employee?.name.given ?? 'Test', family_name: employee?.name.family ?? 'Personal' })
      .where('hsa_id', '=', hsaId)
      .execute();
    return client(app, login);
  }

  /** A staff session with exactly these roles (for people the demo catalogue does not have). */
  async function staffWithRoles(hsaId: string, unitHsaId: string, roles: StaffRole[]): Promise<Client> {
    return client(app, await loginTestStaff(database, config, { hsaId, unitHsaId, roles }, now()));
  }

  /** Someone at another unit holding the given role there. */
  async function staffElsewhere(role: StaffRole, notAt: string): Promise<Client> {
    for (const unit of units) {
      if (unit.hsaId === notAt) continue;
      const employee = (await registers.listEmployeesAtUnit(unit.hsaId)).find((e) =>
        e.commissions.some((c) => c.unitHsaId === unit.hsaId && c.roles.includes(role)),
      );
      if (employee) return staff(employee.hsaId, unit.hsaId);
    }
    throw new Error(`no ${role} at another unit`);
  }

  return {
    app,
    database,
    registers,
    keys,
    deletionKeys,
    deletionKeyFile,
    config,
    /** What use cases work with, for tests that call one directly. */
    services: { config, database, keys, deletionKeys, registers, clock: now } satisfies Services,
    personas,
    unit: personas.staff.receiver.unitHsaId as string,
    citizen,
    staff,
    staffWithRoles,
    staffElsewhere,
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(keyFolder, { recursive: true, force: true });
    },
  };
}

export type Client = {
  get(url: string): Promise<LightMyRequestResponse>;
  /** `headers` come on top of the login's (e.g. an `Idempotency-Key`). */
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  login: TestLogin;
};

export function client(app: FastifyInstance, login: TestLogin): Client {
  const send = (options: InjectOptions) =>
    app.inject({ ...options, cookies: login.cookies, headers: { ...login.headers, ...(options.headers ?? {}) } });
  return {
    login,
    get: (url) => send({ method: 'GET', url }),
    post: (url, body, headers) =>
      send({
        method: 'POST',
        url,
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        ...(headers ? { headers } : {}),
      }),
    put: (url, body) => send({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    delete: (url) => send({ method: 'DELETE', url }),
  };
}

/** A valid renew-prescription submission. */
export function prescriptionAnswers(medicine = 'Levaxin') {
  return { medicines: [{ name: medicine, strength: '50 mikrogram', dosage: '1 tablett morgon' }] };
}
