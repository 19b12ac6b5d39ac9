// A real RFC 3161 TSA over HTTP for tests: every POST runs `openssl ts -reply` with the test
// PKI's configuration. Listens on 127.0.0.1 on a free port; like real TSAs it sends no CORS
// headers (a browser extension needs a host permission to read its answers).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestPki } from './pki';

export interface TestTsa {
  url: string;
  /** Queries answered so far (successfully or not). */
  requests: number;
  /** While true, every query is answered with HTTP 503 (an outage). */
  down: boolean;
  close(): Promise<void>;
}

export async function startTestTsa(pki: TestPki): Promise<TestTsa> {
  const state = { requests: 0, down: false };
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
      res.writeHead(415).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      if (state.down) {
        res.writeHead(503).end();
        return;
      }
      // `-queryfile /dev/stdin` fails on a socketpair: the query goes through a file.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-tsq-'));
      writeFileSync(path.join(dir, 'q.tsq'), Buffer.concat(chunks));
      execFile(
        'openssl',
        [
          'ts',
          '-reply',
          '-config',
          'tsa.cnf',
          '-queryfile',
          path.join(dir, 'q.tsq'),
          '-out',
          path.join(dir, 'r.tsr'),
        ],
        { cwd: pki.dir },
        (error) => {
          if (error) {
            rmSync(dir, { recursive: true, force: true });
            res.writeHead(500).end();
            return;
          }
          const body = readFileSync(path.join(dir, 'r.tsr'));
          rmSync(dir, { recursive: true, force: true });
          res.writeHead(200, {
            'content-type': 'application/timestamp-reply',
            'content-length': body.length,
          });
          res.end(body);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tsa: TestTsa = {
    url: `http://127.0.0.1:${port}/tsa`,
    get requests() {
      return state.requests;
    },
    get down() {
      return state.down;
    },
    set down(v: boolean) {
      state.down = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } as TestTsa;
  return tsa;
}

/** A URL on which nothing listens (a TSA that is unreachable). */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/tsa`;
}
