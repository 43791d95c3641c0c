import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { scheduledJobs } from './scheduled-jobs.ts';
import { cronSchedule, nextRunAfter } from './scheduler/cron-schedule.ts';
import { checkJobs } from './scheduler/scheduler.ts';

describe('the scheduled jobs', () => {
  it('have kebab-case names, each once, and schedules croner reads', () => {
    const jobs = scheduledJobs({
      config: loadConfig({ KONTAKTA_DEMO: 'true' }, '/tmp'),
      registers: () => Promise.reject(new Error('listing jobs opens no register')),
      encryption: () => {
        throw new Error('listing jobs loads no key');
      },
    });
    expect(jobs.map((job) => job.name)).toContain('expired-sessions');
    expect(() => checkJobs(jobs)).not.toThrow();
  });

  it('refuses a bad name, a name taken twice and a bad schedule', () => {
    const job = { name: 'a-job', schedule: '0 3 * * *', run: async () => ({}) };
    expect(() => checkJobs([{ ...job, name: 'A_job' }])).toThrow(/not kebab-case/);
    expect(() => checkJobs([job, job])).toThrow(/two scheduled jobs are named "a-job"/);
    expect(() => checkJobs([{ ...job, schedule: '61 * * * *' }])).toThrow(/bad schedule "61 \* \* \* \*"/);
  });
});

describe('a schedule', () => {
  it('is read in Stockholm time, winter and summer', () => {
    const daily = cronSchedule('0 3 * * *');
    expect(nextRunAfter(daily, new Date('2026-12-06T09:07:00Z')).toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(nextRunAfter(daily, new Date('2026-06-06T09:07:00Z')).toISOString()).toBe('2026-06-07T01:00:00.000Z');
  });

  it('gives the next run strictly after the time given', () => {
    const quarterly = cronSchedule('*/15 * * * *');
    expect(nextRunAfter(quarterly, new Date('2026-12-06T09:15:00Z')).toISOString()).toBe('2026-12-06T09:30:00.000Z');
  });
});
