import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handlePresign, type PresignServiceConfig } from '../../lib/locker/presign-service';

const MAX_BODY = 16 * 1024;

/**
 * The reference presigning service over node:http: `POST /` with a monitor's signed request,
 * answered with a presigned S3 request or a refusal. Bodies over 16 KiB are refused unread.
 * `onRequest` sees each decision (for the service's own log: fingerprint, op, key, status).
 */
export function startPresignServer(
  config: PresignServiceConfig,
  options: {
    port?: number;
    host?: string;
    now?: () => Date;
    onRequest?: (line: string) => void;
  } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return answer(405, { error: 'POST a signed request' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        answer(413, { error: 'request too large' });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(400, { error: 'not JSON' });
      }
      void handlePresign(body, config, options.now?.() ?? new Date()).then((result) => {
        const request = (body as { request?: { op?: unknown; key?: unknown } })?.request;
        options.onRequest?.(`${result.status} ${String(request?.op)} ${String(request?.key)}`);
        answer(result.status, result.body);
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { address, port } = server.address() as AddressInfo;
      resolve({
        url: `http://${address}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
