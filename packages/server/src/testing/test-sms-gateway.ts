import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type GatewayRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
};

type Answer = { status: number; body: string };

/**
 * An SMS gateway in the 46elks shape on 127.0.0.1: records every request and answers with
 * `answer(request)` (default 200 with a JSON id).
 */
export async function startTestSmsGateway(answer?: (request: GatewayRequest, index: number) => Answer): Promise<{
  url: string;
  requests: GatewayRequest[];
  close(): Promise<void>;
}> {
  const requests: GatewayRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: GatewayRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        contentType: req.headers['content-type'],
        form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      };
      requests.push(request);
      const { status, body } = answer?.(request, requests.length - 1) ?? {
        status: 200,
        body: JSON.stringify({ id: `s${requests.length}`, status: 'created', to: request.form.to }),
      };
      res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/a1/sms`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
