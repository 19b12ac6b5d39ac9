import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { SiteAnswer } from '../../e2e/support/site';

export interface SiteProxy {
  port: number;
  /** Every URL the browser asked for, in order (the test can check that nothing else was tried). */
  requests: string[];
  close(): Promise<void>;
}

/** A throwaway self-signed certificate for the proxy's TLS side (Firefox runs acceptInsecureCerts). */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-cert-'));
  try {
    const run = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=dalel fixture site',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`openssl could not make a certificate: ${run.stderr}`);
    return {
      key: readFileSync(path.join(dir, 'key.pem')),
      cert: readFileSync(path.join(dir, 'cert.pem')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The offline fixture site as an HTTP proxy on 127.0.0.1 for Firefox (`network.proxy.*` prefs,
 * so the extension's background fetches go through it too). Plain requests are answered
 * directly; HTTPS arrives as CONNECT and is answered inside TLS with a throwaway certificate. The
 * proxy never opens a connection of its own: every request is answered by `site`, nothing leaves
 * the machine.
 */
export async function startSiteProxy(
  site: (url: string) => Promise<SiteAnswer>,
): Promise<SiteProxy> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const answer =
    (scheme: 'http' | 'https') => (req: http.IncomingMessage, res: http.ServerResponse) => {
      const url =
        scheme === 'https'
          ? `https://${req.headers.host ?? 'unknown'}${req.url ?? '/'}`
          : (req.url ?? '');
      requests.push(url);
      site(url)
        .then((a) => {
          res.writeHead(a.status, { 'content-type': a.contentType, ...a.headers });
          res.end(req.method === 'HEAD' ? undefined : a.body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
    };
  const { key, cert } = throwawayCertificate();
  const inner = http.createServer(answer('https'));
  const server = http.createServer(answer('http'));
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const secure = new tls.TLSSocket(socket, {
      isServer: true,
      key,
      cert,
      ALPNProtocols: ['http/1.1'],
    });
    secure.on('error', () => socket.destroy());
    inner.emit('connection', secure);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      inner.close();
    },
  };
}
