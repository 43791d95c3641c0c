import { describe, expect, it } from 'vitest';
import { createMetrics } from './prometheus-metrics.ts';

describe('the Prometheus metrics', () => {
  it('counts a custom errand type as "custom", never by its id', async () => {
    const { registry, telemetry } = createMetrics();
    telemetry.errandEvent({ event: 'sent', errandType: 'renew-prescription' });
    telemetry.errandEvent({ event: 'sent', errandType: 'custom-3f0c8a52-6f43-4d7e-9a51-2a4c8d1e7b90' });
    telemetry.errandEvent({ event: 'sent', errandType: 'custom-9b1d2c44-0e8f-4a6b-8c3d-5e7f9a1b2c3d' });
    telemetry.errandEvent({ event: 'answered', errandType: 'something a unit typed' });
    const text = await registry.metrics();
    expect(text).toContain('kontakta_errand_transitions_total{event="sent",errand_type="renew-prescription"} 1');
    expect(text).toContain('kontakta_errand_transitions_total{event="sent",errand_type="custom"} 2');
    expect(text).toContain('kontakta_errand_transitions_total{event="answered",errand_type="custom"} 1');
    expect(text).not.toContain('3f0c8a52');
    expect(text).not.toContain('typed');
  });

  it('has a zero series for every channel and outcome before the first delivery', async () => {
    const { registry, telemetry } = createMetrics();
    telemetry.outboxDelivery({ channel: 'sms', outcome: 'expired' });
    const text = await registry.metrics();
    expect(text).toContain('kontakta_outbox_deliveries_total{channel="letter",outcome="dead"} 0');
    expect(text).toContain('kontakta_outbox_deliveries_total{channel="sms",outcome="expired"} 1');
  });

  it('puts group-commit fsyncs in a latency and a batch-size histogram', async () => {
    const { registry, telemetry } = createMetrics();
    telemetry.groupCommitSynced({ seconds: 0.003, commits: 1 });
    telemetry.groupCommitSynced({ seconds: 0.02, commits: 40 });
    const text = await registry.metrics();
    expect(text).toContain('kontakta_group_commit_fsync_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('kontakta_group_commit_fsync_seconds_count 2');
    expect(text).toContain('kontakta_group_commit_batch_commits_bucket{le="32"} 1');
    expect(text).toContain('kontakta_group_commit_batch_commits_sum 41');
  });

  it('keeps apart the registries of two apps in one process', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.telemetry.loginAttempted({ audience: 'citizen', method: 'eid', result: 'success' });
    expect(await first.registry.metrics()).toContain(
      'kontakta_logins_total{audience="citizen",method="eid",result="success"} 1',
    );
    expect(await second.registry.metrics()).not.toContain('kontakta_logins_total{');
  });
});
