import { randomFillSync } from 'node:crypto';
import { gcm } from '@noble/ciphers/aes.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createKeyRow } from '../lib/background/signing-key';
import { eventHashSync } from '../lib/evidence/custody';
import { DalelDb } from '../lib/store/db';
import { attachCipher } from '../lib/store/encryption/attach';
import { VaultRepo } from '../lib/store/repositories/vault-repo';
import { Store } from '../lib/store/store';
import { encryptBlob } from '../lib/vault/blob-cipher';
import { measure, median, shell } from './measure';
import type { Benchmark, BenchResult } from './types';

async function opensslGcmMbps(): Promise<number> {
  const { stdout } = await shell(
    'openssl speed -seconds 1 -bytes 16384 -evp aes-256-gcm 2>/dev/null',
  );
  const match = /aes-256-gcm\s+([\d.]+)k\s*$/im.exec(stdout);
  if (!match) throw new Error(`cannot parse openssl speed output: ${stdout}`);
  return (Number(match[1]) * 1000) / 1e6;
}

/** The same 1 MiB chunk pipeline without encryption: what storing the bytes costs anyway. */
async function copyChunks(blob: Blob): Promise<Blob> {
  const parts: BlobPart[] = [];
  for (let at = 0; at < blob.size; at += 1 << 20)
    parts.push(new Uint8Array(await blob.slice(at, at + (1 << 20)).arrayBuffer()));
  return new Blob(parts);
}

/**
 * Blob encryption at rest: chunked WebCrypto AES-GCM vs the same chunk pipeline copying the bytes
 * without encryption (the cost any write pays); openssl's in-cache AES-GCM speed is logged.
 */
async function blobs(sizeMb: number): Promise<BenchResult> {
  const mb = Math.min(sizeMb, 128);
  const bytes = randomFillSync(new Uint8Array(mb * 1024 * 1024));
  const blob = new Blob([bytes]);
  const key = randomFillSync(new Uint8Array(32));
  const ours: number[] = [];
  const base: number[] = [];
  let extra = 0;
  for (let r = 0; r < 3; r++) {
    const m = await measure(() => encryptBlob(key, blob, 'sha256:bench'));
    ours.push(bytes.length / 1e6 / m.seconds);
    extra = Math.max(extra, m.extraMb);
    base.push(bytes.length / 1e6 / (await measure(() => copyChunks(blob))).seconds);
  }
  const openssl = await opensslGcmMbps();
  return {
    name: `vault: encrypt a ${mb} MB blob (1 MiB chunks)`,
    ours: median(ours),
    baseline: median(base),
    baselineName: 'the same chunks copied unencrypted',
    goal: 0.3,
    extraMemoryMb: extra,
    memoryLimitMb: null,
    notes: `openssl speed aes-256-gcm (in cache): ${openssl.toFixed(0)} MB/s; the output blob is held in memory by Node, a browser spills large blobs to disk`,
  };
}

/** Row encryption must be synchronous (inside transactions): noble AES-GCM vs WebCrypto's. */
async function rows(): Promise<BenchResult> {
  const row = new TextEncoder().encode(JSON.stringify({ name: 'x'.repeat(2000), n: 1 }));
  const key = randomFillSync(new Uint8Array(32));
  const count = 5000;
  const mb = (row.length * count) / 1e6;
  const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const ours: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < 3; r++) {
    ours.push(
      mb /
        (
          await measure(async () => {
            for (let i = 0; i < count; i++)
              gcm(key, crypto.getRandomValues(new Uint8Array(12))).encrypt(row);
          })
        ).seconds,
    );
    base.push(
      mb /
        (
          await measure(async () => {
            for (let i = 0; i < count; i++)
              await crypto.subtle.encrypt(
                { name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) },
                webKey,
                row,
              );
          })
        ).seconds,
    );
  }
  return {
    name: 'vault: seal 2 kB rows, sync (noble)',
    ours: median(ours),
    baseline: median(base),
    baselineName: 'WebCrypto AES-GCM (async, unusable in a transaction)',
    goal: 0,
    extraMemoryMb: null,
    memoryLimitMb: null,
  };
}

/** Panic wipe: the crypto-shred (one small transaction) vs deleting the whole database. */
async function wipe(): Promise<BenchResult> {
  const shredMs: number[] = [];
  const deleteMs: number[] = [];
  for (let r = 0; r < 3; r++) {
    // Passed explicitly: Dexie reads the global `indexedDB` once, when another bench loads it.
    const db = new DalelDb(`bench-wipe-${r}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const cipher = attachCipher(db);
    const store = new Store({
      db,
      now: () => new Date(),
      actor: () => 'B',
      hashEvent: eventHashSync,
      cipher,
    });
    const vault = new VaultRepo(store.ctx, (x) => createKeyRow(new Date(), x));
    for (let i = 0; i < 300; i++)
      await store.persons.create({ name: `Person ${i}`, notes: 'n'.repeat(2000) });
    await vault.enable('bench passphrase');
    shredMs.push((await measure(() => vault.shred())).seconds * 1000);
    deleteMs.push((await measure(() => db.delete())).seconds * 1000);
  }
  const shred = median(shredMs);
  const del = median(deleteMs);
  return {
    name: 'vault: panic-wipe shred, 300 sealed persons (fake-indexeddb), ops/s',
    ours: 1000 / shred,
    baseline: 1000 / del,
    baselineName: 'deleting the database',
    goal: 0,
    extraMemoryMb: null,
    memoryLimitMb: null,
    notes: `shred ${shred.toFixed(1)} ms, delete ${del.toFixed(1)} ms (Chromium e2e: ~3 ms shred)`,
  };
}

export const vaultBench: Benchmark = {
  name: 'vault',
  summary: 'passphrase lock: blob and row encryption throughput, panic-wipe shred time',
  async run(ctx) {
    const results = [await blobs(ctx.sizeMb), await rows(), await wipe()];
    for (const r of results) if (r.notes) ctx.log(`${r.name}: ${r.notes}`);
    return results;
  },
};
