import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { demoPersonas, openRegisters, writeDemoRegister } from '../registers/index.ts';
import type { ReloadingRegisters } from '../registers/reloading-file-register.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { loginTestCitizen, loginTestStaff } from '../testing/test-sessions.ts';
import { syncOrganisation } from '../use-cases/organisation/sync-organisation.ts';
import { AUTHORITY_CACHE_MS } from '../use-cases/sessions/confirm-authority.ts';
import { buildApp } from './app.ts';

type HsaFile = { employees: Array<{ hsaId: string; commissions: Array<{ unitHsaId: string; roles: string[] }> }> };
type PopulationFile = { people: Array<{ personnummer: string }> };

/**
 * Sessions follow the registers: the catalogue and population register files change under a
 * running app, as a register sync would change them, and open sessions lose what was taken away.
 */
describe.each(DIALECTS)('session authority on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let registers: ReloadingRegisters;
  let registerDir: string;
  let now = Date.now();
  const config = loadConfig({
    KONTAKTA_DEMO: 'true',
    KONTAKTA_LOG_LEVEL: 'silent',
    // A busy test machine lags; shedding load is tested in http/overload.int.test.ts.
    KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '60000',
  });
  const personas = demoPersonas(new Date());

  beforeAll(async () => {
    registerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-authority-'));
    await writeDemoRegister(registerDir, new Date());
    registers = await openRegisters(registerDir);
    database = await createTestDatabase(dialect);
    await syncOrganisation(database, registers, now);
    app = await buildApp({ config, database, clock: () => now, registers });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    registers.close();
    await database.drop();
    fs.rmSync(registerDir, { recursive: true, force: true });
  });

  /** Rewrites one register file, as a sync would, and makes the running registers read it. */
  async function changeRegister<T>(file: 'hsa.json' | 'population.json', change: (content: T) => void) {
    const target = path.join(registerDir, file);
    const content = JSON.parse(fs.readFileSync(target, 'utf8')) as T;
    change(content);
    fs.writeFileSync(target, JSON.stringify(content));
    await registers.reload();
  }

  it('a caregiver whose commission at the unit is removed loses the open session after the cache window', async () => {
    const doctor = personas.staff.doctor;
    const unit = doctor.unitHsaId as string;
    const login = await loginTestStaff(database, config, {
      hsaId: doctor.hsaId,
      unitHsaId: unit,
      roles: ['caregiver'],
    });
    const session = () => app.inject({ url: '/api/session', cookies: login.cookies });
    expect((await session()).statusCode).toBe(200);

    await changeRegister<HsaFile>('hsa.json', (hsa) => {
      const employee = hsa.employees.find((e) => e.hsaId === doctor.hsaId);
      if (!employee) throw new Error('the doctor is not in the catalogue');
      employee.commissions = employee.commissions.filter((c) => c.unitHsaId !== unit);
    });
    // Within the window the catalogue's earlier answer stands (a real catalogue is remote).
    expect((await session()).statusCode).toBe(200);
    now += AUTHORITY_CACHE_MS + 1;
    const after = await session();
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('not-authenticated');
    // The session is gone for good, not just refused once.
    const rows = await database.db
      .selectFrom('session')
      .select('token_hash')
      .where('staff_hsa_id', '=', doctor.hsaId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a role taken away stops working while the session goes on with the roles left', async () => {
    const nurse = personas.staff.nurse;
    const unit = nurse.unitHsaId as string;
    const login = await loginTestStaff(database, config, {
      hsaId: nurse.hsaId,
      unitHsaId: unit,
      roles: ['receiver', 'caregiver'],
    });
    const inbox = () => app.inject({ url: `/api/staff/inbox`, cookies: login.cookies, headers: login.headers });
    expect((await inbox()).statusCode).toBe(200);
    await changeRegister<HsaFile>('hsa.json', (hsa) => {
      const commission = hsa.employees
        .find((e) => e.hsaId === nurse.hsaId)
        ?.commissions.find((c) => c.unitHsaId === unit);
      if (!commission) throw new Error('the nurse has no commission at the unit');
      commission.roles = ['caregiver'];
    });
    now += AUTHORITY_CACHE_MS + 1;
    const session = await app.inject({ url: '/api/session', cookies: login.cookies });
    expect(session.statusCode).toBe(200);
    expect(session.json().roles).toEqual(['caregiver']);
    expect((await inbox()).statusCode).toBe(403);
  });

  it('a citizen who leaves the population register loses the open session', async () => {
    const citizen = personas.citizens.adult;
    const login = await loginTestCitizen(database, config, { personnummer: citizen.personnummer });
    const session = () => app.inject({ url: '/api/session', cookies: login.cookies });
    expect((await session()).statusCode).toBe(200);
    await changeRegister<PopulationFile>('population.json', (population) => {
      population.people = population.people.filter((p) => p.personnummer !== citizen.personnummer);
    });
    now += AUTHORITY_CACHE_MS + 1;
    expect((await session()).statusCode).toBe(401);
  });

  it('an invalid register file leaves the previous content in force', async () => {
    fs.writeFileSync(path.join(registerDir, 'hsa.json'), '{ "half a file');
    await expect(registers.reload()).rejects.toThrow();
    expect(await registers.findEmployee(personas.staff.receiver.hsaId)).toBeDefined();
  });
});
