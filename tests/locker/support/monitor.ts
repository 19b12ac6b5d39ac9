import { afterAll } from 'vitest';
import { ensureSigningKey } from '../../../lib/background/signing-key';
import { verifyPackage } from '../../../lib/evidence/verify';
import { bytesSource } from '../../../lib/evidence/zip/source';
import type { LockerConfigInput } from '../../../lib/locker/config';
import { DEFAULT_POLICY } from '../../../lib/locker/presign-service';
import type { LockerPorts } from '../../../lib/services/locker/ports';
import { LockerRunner } from '../../../lib/services/locker/runner';
import type { Store } from '../../../lib/store/store';
import { nodeHashers } from '../../../cli/node/locker-hashers';
import { startPresignServer } from '../../../cli/node/presign-server';
import { createTestStore } from '../../unit/store/test-store';
import { nodeLockerFiles } from './node-files';
import { rgw, s3 } from './rgw';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A monitor's archive in Node: store, signing key, package files and the queue runner. */
export async function monitor(options: { store?: Store; ports?: Partial<LockerPorts> } = {}) {
  const store = options.store ?? createTestStore().store;
  const key = await ensureSigningKey(store.keys, store.ctx.now);
  const files = nodeLockerFiles();
  cleanups.push(() => files.dispose());
  const events: unknown[] = [];
  const ports: LockerPorts = {
    files,
    fetch,
    now: () => new Date(),
    tool: { name: 'dalel', version: 'test' },
    hashers: nodeHashers,
    broadcast: (e) => void events.push(e),
    hasOrigins: async () => true,
    schedule: async () => undefined,
    upload: { stallMs: 5_000 },
    ...options.ports,
  };
  const runner = new LockerRunner(store, ports);
  return { store, key, files, ports, runner, events };
}

/** The organisation's presigning service for `fingerprints`, in this process. */
export async function presignService(
  bucket: string,
  fingerprints: string[],
  policy: Partial<typeof DEFAULT_POLICY> = {},
  credentials = rgw!.admin,
) {
  const service = await startPresignServer({
    bucket: { endpoint: rgw!.endpoint, bucket, region: rgw!.region },
    credentials,
    policy: { ...DEFAULT_POLICY, ...policy, monitors: fingerprints },
  });
  cleanups.push(() => service.close());
  return service;
}

export function presignedConfig(
  bucket: string,
  serviceUrl: string,
  extra: Partial<LockerConfigInput> = {},
): LockerConfigInput {
  return {
    endpoint: rgw!.endpoint,
    bucket,
    region: rgw!.region,
    auth: { kind: 'presigned', serviceUrl },
    ...extra,
  };
}

export function keyConfig(
  bucket: string,
  accessKeyId: string,
  extra: Partial<LockerConfigInput> = {},
): LockerConfigInput {
  return {
    endpoint: rgw!.endpoint,
    bucket,
    region: rgw!.region,
    auth: { kind: 'key', accessKeyId },
    ...extra,
  };
}

/** Downloads a stored version and verifies it as a lawyer would, pinned to the monitor's key. */
export async function verifyStoredPackage(
  bucket: string,
  key: string,
  fingerprint: string,
  versionId?: string,
) {
  const response = await s3(
    'GET',
    `/${bucket}/${key}${versionId ? `?versionId=${encodeURIComponent(versionId)}` : ''}`,
  );
  if (response.status !== 200) throw new Error(`GET ${key}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return verifyPackage(bytesSource(bytes), { pinnedKey: fingerprint });
}
