import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../observability/prometheus-metrics.ts';

export type MetricsListener = { url: string; close(): Promise<void> };

/**
 * `/metrics` on an address of its own (KONTAKTA_METRICS_ADDRESS, e.g. 127.0.0.1:9464), so that
 * Prometheus reaches it on an internal interface and the public port does not serve it. It
 * answers nothing else and carries no personal data (see observability/README.md).
 */
export async function listenForMetrics(
  metrics: Metrics,
  address: Readonly<{ host: string; port: number }>,
): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
