import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.ts';
import { DAY_MS, deleteInBatches } from './batch-housekeeping.ts';
import { scheduledJobs } from './scheduled-jobs.ts';

describe('deleting in batches', () => {
  it('goes on while batches come back full, with a checkpoint after each', async () => {
    const backlog = [3, 3, 1];
    const steps: string[] = [];
    const total = await deleteInBatches({ checkpoint: async (step) => void steps.push(step) }, 'rows', 3, async () =>
      Number(backlog.shift()),
    );
    expect(total).toBe(7);
    expect(steps).toEqual(['rows', 'rows', 'rows']);
  });

  it('stops at the first checkpoint that throws (the process is stopping), with what it deleted committed', async () => {
    let batches = 0;
    const stopping = async () => {
      throw new Error('stopping');
    };
    await expect(
      deleteInBatches({ checkpoint: stopping }, 'rows', 3, async () => {
        batches++;
        return 3;
      }),
    ).rejects.toThrow('stopping');
    expect(batches).toBe(1);
  });
});

describe('the housekeeping settings', () => {
  const demo = { KONTAKTA_DEMO: 'true' };
  const registers = () => Promise.reject(new Error('not needed'));

  it('default to 30 days of finished messages and a year of login and security events', () => {
    expect(loadConfig(demo, '/tmp').housekeeping).toEqual({
      outboxKeepMs: 30 * DAY_MS,
      loginEventsKeepMs: 365 * DAY_MS,
      securityEventsKeepMs: 365 * DAY_MS,
    });
  });

  it('are read in days, and refused when not a whole number of days from 1 to 3650', () => {
    const config = loadConfig(
      {
        ...demo,
        KONTAKTA_OUTBOX_KEEP_DAYS: '7',
        KONTAKTA_LOGIN_EVENTS_KEEP_DAYS: '730',
        KONTAKTA_SECURITY_EVENTS_KEEP_DAYS: '90',
      },
      '/tmp',
    );
    expect(config.housekeeping).toEqual({
      outboxKeepMs: 7 * DAY_MS,
      loginEventsKeepMs: 730 * DAY_MS,
      securityEventsKeepMs: 90 * DAY_MS,
    });
    expect(() => loadConfig({ ...demo, KONTAKTA_OUTBOX_KEEP_DAYS: '0' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ ...demo, KONTAKTA_LOGIN_EVENTS_KEEP_DAYS: '1.5' }, '/tmp')).toThrow(ConfigError);
  });

  it('schedule the three housekeeping jobs', () => {
    const jobs = scheduledJobs({
      config: loadConfig(demo, '/tmp'),
      registers,
      encryption: () => {
        throw new Error('listing jobs loads no key');
      },
    });
    expect(jobs.filter((job) => job.name.endsWith('-housekeeping')).map((job) => [job.name, job.schedule])).toEqual([
      ['login-housekeeping', '20 * * * *'],
      ['outbox-housekeeping', '40 3 * * *'],
      ['event-housekeeping', '50 3 * * *'],
    ]);
  });
});
