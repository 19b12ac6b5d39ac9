import { toHex } from '../../evidence/hex';
import { jsPrimitives } from '../../evidence/primitives';
import { downloadObject } from '../../locker/download';
import { LockerError } from '../../locker/errors';
import { keySigner } from '../../locker/key-signer';
import { KEY_ROOT, parsePackageKey } from '../../locker/object-key';
import {
  readerConfigSchema,
  type ReaderConfig,
  type ReaderConfigInput,
} from '../../locker/reader-config';
import type { RequestSigner } from '../../locker/s3-op';
import { listTeam, type TeamEntry } from '../../locker/team-listing';
import type { Store } from '../../store/store';

/**
 * The pull side of the team locker, for a lawyer's or coordinator's dashboard: list the team's
 * packages with a read-only key and download one for the ordinary import (which verifies it and
 * asks for its signer to be confirmed, exactly as for a package opened from disk).
 */
export async function configureReader(
  store: Store,
  input: ReaderConfigInput,
  secretAccessKey: string | undefined,
): Promise<{ config: ReaderConfig; origins: string[] }> {
  const config = readerConfigSchema.parse(input);
  const previous = await store.locker.readerConfig();
  const sameKey = previous?.accessKeyId === config.accessKeyId;
  if (secretAccessKey) await store.locker.setReaderSecret(secretAccessKey);
  else if (!sameKey || !(await store.locker.readerSecret()))
    throw new Error('the secret access key is needed with an access key');
  await store.locker.setReaderConfig(config);
  return { config, origins: readerOrigins(config) };
}

export async function removeReader(store: Store): Promise<void> {
  await store.locker.setReaderSecret(null);
  await store.locker.setReaderConfig(null);
}

export function readerOrigins(config: Pick<ReaderConfig, 'endpoint'>): string[] {
  return [new URL(config.endpoint).origin];
}

async function readerSigner(
  store: Store,
  now: () => Date,
): Promise<{ config: ReaderConfig; signer: RequestSigner }> {
  const config = await store.locker.readerConfig();
  if (!config) throw new LockerError('wrong_key', 'reading the team locker is not set up');
  const secret = await store.locker.readerSecret();
  if (!secret)
    throw new LockerError(
      'wrong_key',
      'no secret key is stored for the read-only key (it is kept only under the passphrase lock)',
    );
  const bucket = { endpoint: config.endpoint, bucket: config.bucket, region: config.region };
  return {
    config,
    signer: keySigner(bucket, { accessKeyId: config.accessKeyId, secretAccessKey: secret }, now),
  };
}

export interface ReaderPorts {
  fetch: typeof fetch;
  now: () => Date;
}

export async function listForReader(store: Store, ports: ReaderPorts): Promise<TeamEntry[]> {
  const { signer } = await readerSigner(store, ports.now);
  return listTeam(`${KEY_ROOT}/`, {
    signer,
    fetch: ports.fetch,
    now: () => ports.now().getTime(),
  });
}

/** Streams the package at `key` into `write` and hashes it; only package keys, nothing else. */
export async function downloadForImport(
  store: Store,
  ports: ReaderPorts,
  key: string,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<{ size: number; versionId: string | null; sha256: string }> {
  if (!parsePackageKey(key)) throw new LockerError('server', `${key} is not a package key`);
  const { signer } = await readerSigner(store, ports.now);
  // Hashed as it streams past: the page compares it with the SHA-256 the signed index names.
  const hasher = jsPrimitives.sha256();
  const got = await downloadObject(
    key,
    signer,
    ports.fetch,
    async (chunk) => {
      hasher.update(chunk);
      await write(chunk);
    },
    () => ports.now().getTime(),
  );
  return { ...got, sha256: toHex(hasher.digest()) };
}
