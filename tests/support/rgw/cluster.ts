import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real S3 engine for the tests: a single-node Ceph cluster (one monitor, one OSD on memstore,
 * no authentication) with the RADOS Gateway on loopback, booted in a temporary folder on free
 * ports and stopped again by whoever started it (a vitest global setup, a Playwright worker
 * fixture, a benchmark). Recipe: ../shared/research/team-locker.md (Debian bookworm's Ceph
 * 16.2 "pacific": `radosgw`, `ceph-mon`, `ceph-osd`; `.ci/run` installs them).
 *
 * It is "an S3 that enforces Object Lock", not a model of a production deployment.
 */

export const CEPH_BINARIES = [
  'ceph-mon',
  'ceph-osd',
  'radosgw',
  'radosgw-admin',
  'monmaptool',
  'ceph',
];

export const RGW_MISSING =
  'SKIPPED: Ceph RGW is not installed (apt-get install --no-install-recommends radosgw ceph-mon ceph-osd); ' +
  'the team-locker tests against a real S3 engine did NOT run';

/** The binaries the cluster needs that are not on PATH (empty when it can boot). */
export function missingCephBinaries(): string[] {
  return CEPH_BINARIES.filter(
    (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status !== 0,
  );
}

export interface S3User {
  uid: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RgwCluster {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  region: string;
  /** The user that owns the test buckets (full rights). */
  admin: S3User;
  dir: string;
  /** Creates another S3 user (for a monitor's write-only key). */
  createUser(uid: string): Promise<S3User>;
  /**
   * Marks the cluster's only OSD full (or not) by moving the monitor's full ratio below (or back
   * above) what it already stores: Ceph then stops accepting writes, as on a full disk.
   */
  setFull(full: boolean): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** What the in-memory OSD says its disk holds (default 3 GiB; the 1 GB benchmark asks more). */
  memstoreBytes?: number;
  /** Log lines about the boot (default: quiet). */
  log?: (line: string) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, fsid: string, monPort: number, rgwPort: number, bytes: number) {
  return `[global]
fsid = ${fsid}
mon host = v1:127.0.0.1:${monPort}
mon initial members = a
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
osd objectstore = memstore
memstore device bytes = ${bytes}
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
osd crush chooseleaf type = 0
# The OSD is placed in the CRUSH map by startRgw. Left on, the OSD's own boot-time command can
# race its first monitor map (sent with a zero fsid, refused as "wrong fsid") and it exits.
osd class update on start = false
osd crush update on start = false
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
pid file = ${dir}/run/$name.pid
keyring = /dev/null
ms bind ipv6 = false
[mon.a]
mon data = ${dir}/mon.a
host = localhost
mon addr = v1:127.0.0.1:${monPort}
[osd.0]
osd data = ${dir}/osd.0
host = localhost
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw.a
rgw dns name = localhost
rgw enable usage log = false
`;
}

/** Runs a Ceph command line to completion; its output, or an error with the tail of it. */
function run(conf: string, bin: string, args: string[]): string {
  const result = spawnSync(bin, ['-c', conf, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(
      `${bin} ${args.join(' ')} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout).slice(-800)}`,
    );
  return result.stdout;
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`the RADOS Gateway did not answer at ${url}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function randomKey(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join(
    '',
  );
}

/** Boots the cluster (about 20–30 s on a loaded machine). */
export async function startRgw(options: StartOptions = {}): Promise<RgwCluster> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-rgw-'));
  for (const sub of ['run', 'log', 'osd.0', 'rgw.a']) mkdirSync(path.join(dir, sub));
  const conf = path.join(dir, 'ceph.conf');
  const [monPort, rgwPort] = [await freePort(), await freePort()];
  const fsid = randomUUID();
  writeFileSync(conf, config(dir, fsid, monPort, rgwPort, options.memstoreBytes ?? 3 * 2 ** 30));
  const children: ChildProcess[] = [];
  const daemon = (bin: string, args: string[]) => {
    // Foreground (-f) children of this process, so stopping them needs no pid files.
    const child = spawn(bin, ['-f', '-c', conf, ...args], { stdio: 'ignore' });
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (!process.env.DALEL_RGW_KEEP) rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => children.forEach((c) => c.kill('SIGKILL'));
  process.once('exit', onExit);
  try {
    log(`ceph: monitor on 127.0.0.1:${monPort}`);
    spawnSync(
      'monmaptool',
      [
        '--create',
        '--add',
        'a',
        `v1:127.0.0.1:${monPort}`,
        '--fsid',
        fsid,
        path.join(dir, 'monmap'),
      ],
      { stdio: 'ignore' },
    );
    run(conf, 'ceph-mon', ['--mkfs', '-i', 'a', '--monmap', path.join(dir, 'monmap')]);
    daemon('ceph-mon', ['-i', 'a']);
    // The OSD's own uuid on both sides, or it is refused at boot ("wrong fsid").
    const osdUuid = randomUUID();
    const osd = run(conf, 'ceph', ['osd', 'create', osdUuid]).trim();
    if (osd !== '0') throw new Error(`expected osd id 0, got ${osd}`);
    run(conf, 'ceph-osd', ['-i', '0', '--mkfs', '--osd-uuid', osdUuid]);
    run(conf, 'ceph', ['osd', 'crush', 'add-bucket', 'localhost', 'host']);
    run(conf, 'ceph', ['osd', 'crush', 'move', 'localhost', 'root=default']);
    run(conf, 'ceph', ['osd', 'crush', 'add', 'osd.0', '1.0', 'host=localhost']);
    daemon('ceph-osd', ['-i', '0']);
    log(`ceph: gateway on 127.0.0.1:${rgwPort}`);
    daemon('radosgw', ['-n', 'client.rgw.a']);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitForHttp(endpoint, 120_000);
    const createUser = async (uid: string): Promise<S3User> => {
      const user = { uid, accessKeyId: randomKey(20), secretAccessKey: randomKey(40) };
      run(conf, 'radosgw-admin', [
        '-n',
        'client.admin',
        'user',
        'create',
        `--uid=${uid}`,
        `--display-name=${uid}`,
        `--access-key=${user.accessKeyId}`,
        `--secret-key=${user.secretAccessKey}`,
      ]);
      return user;
    };
    const admin = await createUser('coordinator');
    const setFull = async (full: boolean) => {
      // Ceph requires nearfull ≤ backfillfull ≤ full at every step.
      const ratios = full ? ['0.00001', '0.00002', '0.00003'] : ['0.85', '0.9', '0.95'];
      const order = full
        ? (['nearfull', 'backfillfull', 'full'] as const)
        : (['full', 'backfillfull', 'nearfull'] as const);
      const byName = { nearfull: ratios[0]!, backfillfull: ratios[1]!, full: ratios[2]! };
      for (const name of order) run(conf, 'ceph', ['osd', `set-${name}-ratio`, byName[name]]);
    };
    return {
      endpoint,
      region: 'us-east-1',
      admin,
      dir,
      createUser,
      setFull,
      stop: async () => {
        process.removeListener('exit', onExit);
        await stop();
      },
    };
  } catch (error) {
    const logs = ['mon.a', 'osd.0', 'client.rgw.a']
      .map((name) => {
        const file = path.join(dir, 'log', `${name}.log`);
        const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
        const errors = text.split('\n').filter((l) => / -1 |ERROR|error|failed/i.test(l));
        return `${name}: ${errors.slice(-5).join(' | ')}`;
      })
      .join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
  }
}
