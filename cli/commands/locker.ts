import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { verifyPackage } from '../../lib/evidence/verify';
import { bytesSource } from '../../lib/evidence/zip/source';
import { isLockerError } from '../../lib/locker/errors';
import { keySigner, type Bucket } from '../../lib/locker/key-signer';
import { INDEX_PROBLEMS } from '../../lib/locker/team-index';
import { listTeam, type TeamEntry } from '../../lib/locker/team-listing';
import { KEY_ROOT, monitorPrefix } from '../../lib/locker/object-key';
import { DEFAULT_POLICY } from '../../lib/locker/presign-service';
import { startPresignServer } from '../node/presign-server';
import { EXIT, UsageError, type Command, type Io } from '../command';
import { parseArgs } from '../parse-args';

const usage = `Usage: dalel locker serve --endpoint <url> --bucket <name> --monitors <fingerprint>[,<fingerprint>…]
                          [--region <r>] [--port <n>] [--host <addr>] [--retention-days <n>]
       dalel locker list --endpoint <url> --bucket <name> [--region <r>] [--monitor <fingerprint>]
       dalel locker pull --endpoint <url> --bucket <name> --out <dir> --pin <fingerprint>[,<fingerprint>…]
                         [--region <r>] [--monitor <fingerprint>] [--case <text>]

The organisation's side of the team locker (an S3 bucket with Object Lock).
  serve the presigning service monitors' devices ask for short-lived upload links: it holds the
        S3 key, and signs only writes under each listed monitor's own prefix, locked in
        COMPLIANCE mode for at least --retention-days (default 3650), with Content-MD5. Put it
        behind HTTPS (a reverse proxy) and give monitors its address. Runs until Ctrl-C.
  list  every Dalel package in the bucket: monitor fingerprint, day, package id, size, and the
        cases and capture count from each package's signed team index (<id>.index.json, signed
        by the monitor's key; older uploads: the object's metadata). An index whose package has
        not arrived is listed as NOT ARRIVED; an index that does not check out is named.
  pull  downloads the listed packages (only those of --monitor, or whose case title contains
        --case), verifies each one with the pinned signer fingerprints, and writes those that are
        valid and signed by a pinned key into --out as <package id>.zip. Import them in the
        dashboard (Import), or verify them again with \`dalel verify\`. A package that fails is
        named with its reason and not written.

Credentials come from the environment, never from the command line (shell history):
  DALEL_S3_ACCESS_KEY_ID, DALEL_S3_SECRET_ACCESS_KEY — for serve a key that may write the bucket
  (PutObject, PutObjectRetention, AbortMultipartUpload); for list and pull one that may list and read.

Exit status: 0 fine; 1 a pulled package failed verification or was not signed by a pinned key;
2 usage, credentials or the bucket could not be reached.`;

function bucketOf(options: Record<string, string | string[] | number | boolean>): Bucket {
  for (const name of ['endpoint', 'bucket'])
    if (typeof options[name] !== 'string') throw new UsageError(`--${name} is required`);
  return {
    endpoint: String(options.endpoint).replace(/\/+$/, ''),
    bucket: String(options.bucket),
    region: typeof options.region === 'string' ? options.region : 'us-east-1',
  };
}

function credentials() {
  const accessKeyId = process.env.DALEL_S3_ACCESS_KEY_ID;
  const secretAccessKey = process.env.DALEL_S3_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new UsageError(
      'set DALEL_S3_ACCESS_KEY_ID and DALEL_S3_SECRET_ACCESS_KEY to a key that may read the bucket',
    );
  return { accessKeyId, secretAccessKey };
}

async function listed(
  bucket: Bucket,
  options: Record<string, string | string[] | number | boolean>,
): Promise<{ packages: TeamEntry[]; get: (key: string) => Promise<Uint8Array> }> {
  const signer = keySigner(bucket, credentials());
  const prefix =
    typeof options.monitor === 'string' ? monitorPrefix(options.monitor) : `${KEY_ROOT}/`;
  const packages = await listTeam(prefix, { signer, fetch, now: () => Date.now() });
  // GET with the same signer; read as bytes (the locker's `send` reads answers as text).
  const get = async (key: string) => {
    const request = await signer.sign({ op: 'get', key, headers: {} });
    const response = await fetch(request.url, { headers: request.headers });
    if (response.status !== 200) throw new Error(`GET ${key}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  return { packages, get };
}

const casesOf = (p: TeamEntry) => (p.facts?.cases ?? []).map((c) => c.title);

function line(p: TeamEntry): string {
  const cases = casesOf(p);
  const captures = p.facts ? String(p.facts.captures) : '?';
  const size = p.size === null ? 'NOT ARRIVED (index only)' : `${p.size} bytes`;
  const source =
    p.source === 'index' ? 'signed index' : p.source === 'metadata' ? 'metadata' : 'no index';
  const problem = p.indexProblem ? `  INDEX PROBLEM: ${INDEX_PROBLEMS[p.indexProblem]}` : '';
  return `${p.fingerprint}  ${p.day}  ${p.packageId}  ${size}  ${captures} capture(s)  ${cases.length ? cases.join('; ') : '(no case)'}  [${source}]${problem}`;
}

async function list(args: string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, {
    endpoint: 'string',
    bucket: 'string',
    region: 'string',
    monitor: 'string',
  });
  if (positional.length) throw new UsageError('no positional arguments expected');
  const { packages } = await listed(bucketOf(options), options);
  for (const p of packages) io.out(line(p));
  io.out(`${packages.length} package(s)`);
  return EXIT.ok;
}

async function pull(args: string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, {
    endpoint: 'string',
    bucket: 'string',
    region: 'string',
    monitor: 'string',
    case: 'string',
    out: 'string',
    pin: 'string',
  });
  if (positional.length) throw new UsageError('no positional arguments expected');
  if (typeof options.out !== 'string') throw new UsageError('--out <dir> is required');
  if (typeof options.pin !== 'string')
    throw new UsageError('--pin <fingerprint> is required: whose packages do you trust?');
  const pins = options.pin.split(',').map((p) => p.trim().toLowerCase());
  const wanted = typeof options.case === 'string' ? options.case.toLowerCase() : null;
  const { packages, get } = await listed(bucketOf(options), options);
  const chosen = packages.filter(
    (p) => p.key !== null && (!wanted || casesOf(p).some((c) => c.toLowerCase().includes(wanted))),
  );
  mkdirSync(options.out, { recursive: true });
  let failed = 0;
  for (const p of chosen) {
    const bytes = await get(p.key!);
    // The pin for this package is its own monitor's fingerprint, when the lawyer pinned it.
    const pinnedKey = pins.includes(p.fingerprint) ? p.fingerprint : pins[0];
    const report = await verifyPackage(bytesSource(bytes), { pinnedKey });
    // The index is not evidence, but a package that is not the one its monitor indexed is named.
    const sha = createHash('sha256').update(bytes).digest('hex');
    const indexed = p.source === 'index' && p.facts ? p.facts.sha256 : null;
    if (indexed && indexed !== sha)
      io.err(`WARNING  ${p.key}: SHA-256 ${sha} is not the ${indexed} its signed index names`);
    const ok = report.verdict === 'valid' && report.pinned === 'match';
    if (ok) {
      const file = path.join(options.out, `${p.packageId}.zip`);
      writeFileSync(file, bytes);
      io.out(`valid  ${line(p)}  → ${file}`);
    } else {
      failed++;
      const reasons = report.failures
        .slice(0, 3)
        .map((f) => f.message)
        .join('; ');
      io.err(
        `NOT PULLED  ${p.key}: ${report.verdict}, signer ${report.pinned}${reasons ? ` — ${reasons}` : ''}`,
      );
    }
  }
  io.out(`${chosen.length - failed} of ${chosen.length} package(s) verified and written`);
  return failed ? EXIT.failed : EXIT.ok;
}

async function serve(args: string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(args, {
    endpoint: 'string',
    bucket: 'string',
    region: 'string',
    monitors: 'string',
    port: 'number',
    host: 'string',
    'retention-days': 'number',
  });
  if (positional.length) throw new UsageError('no positional arguments expected');
  if (typeof options.monitors !== 'string')
    throw new UsageError("--monitors is required: the fingerprints of the monitors' keys");
  const monitors = options.monitors.split(',').map((m) => m.trim().toLowerCase());
  for (const m of monitors) monitorPrefix(m); // throws on anything but a fingerprint
  const service = await startPresignServer(
    {
      bucket: bucketOf(options),
      credentials: credentials(),
      policy: {
        ...DEFAULT_POLICY,
        monitors,
        ...(typeof options['retention-days'] === 'number'
          ? { minRetentionDays: options['retention-days'] }
          : {}),
      },
    },
    {
      port: typeof options.port === 'number' ? options.port : 0,
      host: typeof options.host === 'string' ? options.host : '127.0.0.1',
      onRequest: (entry) => io.out(`${new Date().toISOString()} ${entry}`),
    },
  );
  io.out(`presigning service for ${monitors.length} monitor(s) at ${service.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await service.close();
  io.out('stopped');
  return EXIT.ok;
}

export const lockerCommand: Command = {
  name: 'locker',
  summary: "the team's Object Lock bucket: presigning service, list, pull (download + verify)",
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'serve') return await serve(rest, io);
      if (sub === 'list') return await list(rest, io);
      if (sub === 'pull') return await pull(rest, io);
    } catch (error) {
      if (isLockerError(error)) {
        io.err(`the locker: ${error.code} — ${error.message}`);
        return EXIT.usage;
      }
      throw error;
    }
    throw new UsageError('expected "serve", "list" or "pull"');
  },
};
