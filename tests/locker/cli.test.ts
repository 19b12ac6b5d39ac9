import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockerCommand } from '../../cli/commands/locker';
import { verifyCommand } from '../../cli/commands/verify';
import { seedDemoStore } from '../../lib/demo/seed-store';
import { verifyPackage } from '../../lib/evidence/verify';
import { bytesSource } from '../../lib/evidence/zip/source';
import { md5 } from '../../lib/locker/md5';
import { toBase64 } from '../../lib/evidence/hex';
import { configureLocker } from '../../lib/services/locker/settings';
import { lockerStatus } from '../../lib/services/locker/status';
import { generateSigningKey } from '../../lib/evidence/signing';
import { packageKey } from '../../lib/locker/object-key';
import { indexKeyOf, readTeamIndex, signTeamIndex } from '../../lib/locker/team-index';
import { monitor, presignedConfig, presignService } from './support/monitor';
import { bucketName, createBucket, rgw, s3, packageVersions, versions } from './support/rgw';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await lockerCommand.run(args, {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!rgw)('dalel locker list | pull: the coordinator side (real Ceph RGW)', () => {
  const bucket = bucketName('pull');
  const dirs: string[] = [];
  let where: string[];
  let fingerprint: string;
  let captures: string[];
  let caseTitle: string;

  beforeAll(async () => {
    await createBucket(bucket);
    process.env.DALEL_S3_ACCESS_KEY_ID = rgw!.admin.accessKeyId;
    process.env.DALEL_S3_SECRET_ACCESS_KEY = rgw!.admin.secretAccessKey;
    where = ['--endpoint', rgw!.endpoint, '--bucket', bucket, '--region', rgw!.region];
    // A monitor's device pushes its demo archive, one package per capture.
    const m = await monitor();
    const service = await presignService(bucket, [m.key.fingerprint]);
    await configureLocker(m.store, presignedConfig(bucket, service.url), undefined);
    await seedDemoStore(m.store);
    await m.runner.kick();
    expect((await lockerStatus(m.store, null)).pending).toBe(0);
    fingerprint = m.key.fingerprint;
    captures = await m.store.captures.ids();
    caseTitle = (await m.store.cases.list())[0]!.title;
  });

  afterAll(() => {
    delete process.env.DALEL_S3_ACCESS_KEY_ID;
    delete process.env.DALEL_S3_SECRET_ACCESS_KEY;
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-pull-'));
    dirs.push(dir);
    return dir;
  };

  it('lists every package by monitor, day and case', async () => {
    const listed = await run(['list', ...where]);
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n').filter((l) => l.startsWith(fingerprint));
    expect(lines).toHaveLength(captures.length);
    expect(listed.out).toContain(`${captures.length} package(s)`);
    expect(listed.out).toContain(caseTitle);
    // Filtered by another monitor: nothing.
    const other = await run([
      'list',
      ...where,
      '--monitor',
      '0000-0000-0000-0000-0000-0000-0000-0000',
    ]);
    expect(other.out).toContain('0 package(s)');
  });

  it('each package has a signed team index next to it, locked like it, and list reads it', async () => {
    const stored = await versions(bucket, `dalel/${fingerprint}/`);
    const indexes = stored.filter((v) => v.key.endsWith('.index.json'));
    expect(indexes).toHaveLength(captures.length);
    for (const v of indexes) {
      expect(stored.some((p) => p.key === v.key.replace(/\.index\.json$/, '.zip'))).toBe(true);
      const head = await s3(
        'HEAD',
        `/${bucket}/${v.key}?versionId=${encodeURIComponent(v.versionId)}`,
      );
      expect(head.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
      const text = await (await s3('GET', `/${bucket}/${v.key}`)).text();
      // Object keys hold ids only; a case title is inside the index object.
      expect(v.key).not.toContain(caseTitle);
      expect((await readTeamIndex(v.key, text)).ok).toBe(true);
    }
    const listed = await run(['list', ...where]);
    const lines = listed.out.split('\n').filter((l) => l.startsWith(fingerprint));
    expect(lines.every((l) => l.includes('[signed index]'))).toBe(true);
    expect(listed.out).not.toContain('INDEX PROBLEM');
  });

  it('list names an index that does not check out, and one whose package has not arrived', async () => {
    const key = await generateSigningKey();
    const created = new Date().toISOString();
    const lock = {
      'x-amz-object-lock-mode': 'COMPLIANCE',
      'x-amz-object-lock-retain-until-date': new Date(Date.now() + 86_400_000).toISOString(),
    };
    const put = async (objectKey: string, text: string) => {
      const body = new TextEncoder().encode(text);
      const answer = await s3('PUT', `/${bucket}/${objectKey}`, {
        body,
        headers: { 'content-md5': toBase64(md5(body)), ...lock },
      });
      expect(answer.status).toBe(200);
    };
    // A stranger's index under this monitor's prefix, claiming 99 captures.
    const forgedId = 'e'.repeat(32);
    const forgedAt = indexKeyOf(packageKey(fingerprint, created, forgedId));
    await put(
      forgedAt,
      await signTeamIndex(
        {
          packageId: forgedId,
          created,
          signer: key.fingerprint,
          sha256: 'a'.repeat(64),
          kind: 'export',
          captures: 99,
          cases: [],
        },
        10,
        key,
      ),
    );
    const listed = await run(['list', ...where]);
    const forged = listed.out.split('\n').find((l) => l.includes(forgedId))!;
    expect(forged).toContain('NOT ARRIVED');
    expect(forged).toContain("INDEX PROBLEM: the index is signed by another monitor's key");
    expect(forged).not.toContain('99 capture');
    // Pull never downloads an index-only entry.
    const out = tempDir();
    const pulled = await run(['pull', ...where, '--out', out, '--pin', fingerprint]);
    expect(pulled.err).not.toContain(forgedId);
  });

  it('pulls and verifies against the pinned key; each written package is valid', async () => {
    const out = tempDir();
    const pulled = await run(['pull', ...where, '--out', out, '--pin', fingerprint]);
    expect(pulled.code, pulled.err).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(captures.length);
    const inside: string[] = [];
    for (const name of files) {
      // As the lawyer checks it again: `dalel verify <file> --key <fingerprint>`.
      const checked = await verifyCommand.run([path.join(out, name), '--key', fingerprint], {
        out: () => undefined,
        err: () => undefined,
      });
      expect(checked).toBe(0);
      // A plain Uint8Array copy: under vitest, bytesSource over a Node Buffer of these files
      // reports signature_bad while `dalel verify` on the same file passes (left to lib/evidence).
      const bytes = new Uint8Array(readFileSync(path.join(out, name)));
      const report = await verifyPackage(bytesSource(bytes), {
        pinnedKey: fingerprint,
      });
      expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
      inside.push(...report.manifest!.contents.captures.map((c) => c.id));
    }
    expect(inside.sort()).toEqual([...captures].sort());
  });

  it('pins matter: with another key pinned nothing is written and the exit status says so', async () => {
    const out = tempDir();
    const pulled = await run([
      'pull',
      ...where,
      '--out',
      out,
      '--pin',
      '0000-0000-0000-0000-0000-0000-0000-0000',
    ]);
    expect(pulled.code).toBe(1);
    expect(pulled.err).toContain('NOT PULLED');
    expect(readdirSync(out)).toEqual([]);
  });

  it('a forged object under a package name is named and not written', async () => {
    const forged = new TextEncoder().encode('PK\u0003\u0004 not really a package');
    const key = `dalel/${fingerprint}/2026-01-01/${'f'.repeat(32)}.zip`;
    const put = await s3('PUT', `/${bucket}/${key}`, {
      body: forged,
      headers: {
        'content-md5': toBase64(md5(forged)),
        'x-amz-object-lock-mode': 'COMPLIANCE',
        'x-amz-object-lock-retain-until-date': new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(put.status).toBe(200);
    const out = tempDir();
    const pulled = await run(['pull', ...where, '--out', out, '--pin', fingerprint]);
    expect(pulled.code).toBe(1);
    expect(pulled.err).toContain(key);
    expect(readdirSync(out)).toHaveLength(captures.length);
    expect(readdirSync(out)).not.toContain(`${'f'.repeat(32)}.zip`);
  });

  it('without credentials in the environment: a clear usage error, nothing sent', async () => {
    const saved = process.env.DALEL_S3_SECRET_ACCESS_KEY;
    delete process.env.DALEL_S3_SECRET_ACCESS_KEY;
    try {
      await expect(run(['list', ...where])).rejects.toThrow(/DALEL_S3_SECRET_ACCESS_KEY/);
    } finally {
      process.env.DALEL_S3_SECRET_ACCESS_KEY = saved;
    }
  });

  it("serve: the real `dalel locker serve` process presigns a monitor's uploads, and stops on SIGTERM", async () => {
    const own = bucketName('serve');
    await createBucket(own);
    const m = await monitor();
    const child = spawn(
      process.execPath,
      [
        'bin/dalel.mjs',
        'locker',
        'serve',
        ...['--endpoint', rgw!.endpoint, '--bucket', own, '--region', rgw!.region],
        ...['--monitors', m.key.fingerprint],
      ],
      { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!/at (http:\/\/\S+)/.test(output) && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      const url = /at (http:\/\/\S+)/.exec(output)?.[1];
      expect(url, output).toBeDefined();
      await configureLocker(m.store, presignedConfig(own, url!), undefined);
      await seedDemoStore(m.store);
      await m.runner.kick();
      expect((await lockerStatus(m.store, null)).lastError).toBeNull();
      const ids = await m.store.captures.ids();
      expect(await packageVersions(own, `dalel/${m.key.fingerprint}/`)).toHaveLength(ids.length);
      // The service's log names each decision (status, operation, key), never a secret.
      expect(output).toMatch(/200 create-multipart dalel\//);
      expect(output).not.toContain(rgw!.admin.secretAccessKey);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
    expect(output).toContain('stopped');
  });
});
