import { randomFillSync, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { AwsV4Signer } from 'aws4fetch';
import { nodeHashers } from '../cli/node/locker-hashers';
import { retainUntil } from '../lib/locker/config';
import { digestBlob } from '../lib/locker/digest';
import { keySigner } from '../lib/locker/key-signer';
import { metadataHeaders } from '../lib/locker/metadata';
import { packageKey } from '../lib/locker/object-key';
import { uploadPackage, type UploadJob } from '../lib/locker/upload';
import { bindRgw, createBucket } from '../tests/support/rgw/admin';
import { missingCephBinaries, startRgw } from '../tests/support/rgw/cluster';
import { measure, shell } from './measure';
import type { Benchmark } from './types';

const FP = '3f2a-9c01-0b1c-2d3e-4f50-6172-8394-a5b6';
const CHUNK = 16 * 1024 * 1024;

/**
 * A package-shaped file: random (incompressible) bytes the size of the package. The upload treats
 * a package as opaque bytes (it never opens the ZIP), so building a real 1 GB package first would
 * only add minutes of export to the benchmark without changing what is measured.
 */
async function packageShapedFile(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const chunk = new Uint8Array(CHUNK);
    for (let at = 0; at < bytes; at += CHUNK) {
      randomFillSync(chunk);
      await handle.write(chunk, 0, Math.min(CHUNK, bytes - at));
    }
  } finally {
    await handle.close();
  }
}

/**
 * Upload throughput into a local Ceph RGW with Object Lock: Dalel's locker client (the same
 * `uploadPackage` the extension runs: lock probe, multipart with Content-MD5 per part, ETag
 * checks, retention made sure of, HEAD) vs `curl -T` of the same file through a presigned PUT to
 * the same server, interleaved so both see the same machine load. The package's digest (SHA-256
 * and per-part MD5) is computed while the extension writes a package, so it is timed apart.
 */
export const lockerUploadBench: Benchmark = {
  name: 'locker-upload',
  summary: 'upload of a package into a local Ceph RGW with Object Lock vs curl -T (presigned PUT)',
  async run(ctx) {
    const missing = missingCephBinaries();
    if (missing.length)
      throw new Error(`Ceph RGW is not installed (missing: ${missing.join(', ')}); see .ci/run`);
    const bytes = ctx.sizeMb * 1024 * 1024;
    const runs = 2;
    ctx.log(`booting a Ceph RGW (memstore) for ${runs}× ours + ${runs}× curl of ${ctx.sizeMb} MB…`);
    // Every upload stays (Object Lock): room for all of them plus the cluster's own objects.
    const cluster = await startRgw({ memstoreBytes: bytes * (2 * runs + 1) + 2 * 2 ** 30 });
    try {
      bindRgw({
        endpoint: cluster.endpoint,
        region: cluster.region,
        admin: cluster.admin,
        dir: cluster.dir,
      });
      const bucket = `bench-${Date.now().toString(36)}`;
      await createBucket(bucket);
      const where = { endpoint: cluster.endpoint, bucket, region: cluster.region };
      const signer = keySigner(where, cluster.admin);
      const file = join(ctx.dir, 'package.zip');
      await packageShapedFile(file, bytes);
      const body = await openAsBlob(file);
      const hashed = await measure(() => digestBlob(body, nodeHashers));
      const digest = hashed.value;
      ctx.log(
        `digest (SHA-256 + MD5 per ${digest.partSize / 2 ** 20} MiB part, node:crypto): ${hashed.seconds.toFixed(1)} s`,
      );
      const mb = bytes / 1e6;
      const ours: number[] = [];
      const base: number[] = [];
      let extra = 0;
      for (let r = 0; r < runs; r++) {
        const packageId = randomBytes(16).toString('hex');
        const created = new Date().toISOString();
        const job: UploadJob = {
          key: packageKey(FP, created, packageId),
          body,
          digest,
          metadata: metadataHeaders({
            packageId,
            created,
            signer: FP,
            sha256: digest.sha256,
            kind: 'export',
            captures: 1,
            cases: [],
          }),
          mode: 'COMPLIANCE',
          retainUntil: retainUntil(new Date(), 1),
        };
        const m = await measure(() => uploadPackage(job, { signer }));
        if (m.value.verified !== 'head') throw new Error(`upload not proven: ${m.value.verified}`);
        ours.push(mb / m.seconds);
        extra = Math.max(extra, m.extraMb);
        ctx.log(`ours #${r + 1}: ${(mb / m.seconds).toFixed(0)} MB/s (${m.seconds.toFixed(1)} s)`);
        const presigned = await new AwsV4Signer({
          method: 'PUT',
          url: `${cluster.endpoint}/${bucket}/curl/${packageId}.zip`,
          accessKeyId: cluster.admin.accessKeyId,
          secretAccessKey: cluster.admin.secretAccessKey,
          service: 's3',
          region: cluster.region,
          signQuery: true,
        }).sign();
        const curl = await shell(
          `curl -sS -f -o /dev/null -T '${file}' '${presigned.url.toString()}'`,
        );
        base.push(mb / curl.seconds);
        ctx.log(
          `curl #${r + 1}: ${(mb / curl.seconds).toFixed(0)} MB/s (${curl.seconds.toFixed(1)} s)`,
        );
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const oursWithDigest = mb / (mb / mean(ours) + hashed.seconds);
      return [
        {
          name: `locker upload ${mb.toFixed(0)} MB`,
          ours: mean(ours),
          baseline: mean(base),
          baselineName: 'curl -T (presigned PUT)',
          goal: 0.8,
          extraMemoryMb: extra,
          memoryLimitMb: null,
          notes: `mean of ${runs}; ${digest.parts.length} parts; package-shaped random file`,
        },
        {
          name: `locker digest+upload ${mb.toFixed(0)} MB`,
          ours: oursWithDigest,
          baseline: mean(base),
          baselineName: 'curl -T (presigned PUT)',
          goal: 0,
          extraMemoryMb: null,
          memoryLimitMb: null,
          notes:
            'with reading the file once more for its digest (the extension digests while writing)',
        },
      ];
    } finally {
      bindRgw(null);
      await cluster.stop();
    }
  },
};
