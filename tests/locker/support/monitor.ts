import { afterAll, expect } from 'vitest';
import { ensureSigningKey } from '../../../lib/background/signing-key';
import type { LockerConfigInput } from '../../../lib/locker/config';
import { DEFAULT_POLICY } from '../../../lib/locker/presign-service';
import type { LockerPorts } from '../../../lib/services/locker/ports';
import { LockerRunner } from '../../../lib/services/locker/runner';
import { nodeHashers } from '../../../cli/node/locker-hashers';
import { startPresignServer } from '../../../cli/node/presign-server';
import { verifierReading } from '../../unit/evidence/support/hostile-packages';
import { availableTools, differences, extractWith } from '../../unit/evidence/support/zip-tools';
import { createTestStore } from '../../unit/store/test-store';
import { createVaultStore } from '../../unit/store/vault-store';
import { nodeLockerFiles } from './node-files';
import { rgw, s3 } from './rgw';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/**
 * A monitor's archive in Node: store, signing key, package files and the queue runner. As in the
 * extension, the custody log's actor is the signing key's fingerprint (the strict verifier
 * refuses captures and tags that entered custody by anyone else). `passphrase`: the store is
 * encrypted and unlocked with it (where a secret key can be kept in the vault).
 */
export async function monitor(options: { passphrase?: string; ports?: Partial<LockerPorts> } = {}) {
  let actor = 'no-key-yet';
  const vault = options.passphrase ? createVaultStore(undefined, () => actor) : null;
  const store = vault?.store ?? createTestStore(undefined, () => actor).store;
  actor = (await ensureSigningKey(store.keys, store.ctx.now)).fingerprint;
  // Turning the lock on replaces the signing key with one kept under the passphrase.
  if (vault) await vault.vault.enable(options.passphrase!);
  const key = await ensureSigningKey(store.keys, store.ctx.now);
  actor = key.fingerprint;
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

/**
 * Downloads a stored version and verifies it as a lawyer would: the strict verifier, pinned to
 * the monitor's key, must call it valid in Dalel's own ZIP form, and every real ZIP reader
 * installed (unzip, bsdtar, 7-Zip, Python) must extract exactly the bytes the verifier checked.
 */
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
  const { report, files } = await verifierReading(bytes, { pinnedKey: fingerprint });
  expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
  expect(report.pinned).toBe('match');
  expect(report.container).toBe('dalel');
  for (const tool of availableTools()) {
    const reading = extractWith(tool, bytes);
    expect(differences(files, reading.files), `${tool}: ${reading.stderr}`).toEqual([]);
  }
  return report;
}
