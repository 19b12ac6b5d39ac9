// ARCHITECTURE.md, Invariants: hashing, encryption and serialisation happen before a write
// transaction opens. An IndexedDB transaction commits as soon as its callback awaits something
// that is not a request of its own (WebCrypto, Blob reads): the writes after it then fail with
// TransactionInactiveError, or, worse, half of them are committed. So no callback of a write
// transaction in lib/store may call the asynchronous hashing, crypto or Blob-reading functions
// below (the custody hash inside a transaction is the synchronous `eventHashSync`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-fixtures';
import { parsed } from './support/source-graph';

/** lib/store's sources, repo-relative, with their text (only the store opens transactions). */
function storeSources(): { file: string; text: string }[] {
  return readdirSync(path.join(repoRoot, 'lib/store'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => {
      const file = `lib/store/${f.split(path.sep).join('/')}`;
      return { file, text: readFileSync(path.join(repoRoot, file), 'utf8') };
    });
}

/** Asynchronous work that must not run inside a write transaction (by called name). */
const ASYNC_WORK = new Set([
  // lib/evidence hashing (WebCrypto)
  'sha256',
  'sha256RefOf',
  'sha256OfBlob',
  'sha256OfStream',
  'captureSeal',
  'sealCapture',
  'contentHash',
  'linkHash',
  'appendEvent',
  // encryption of blobs (lib/store/encryption, WebCrypto AES-GCM)
  'blobForStorage',
  // crypto.subtle
  'digest',
  'encrypt',
  'decrypt',
  'sign',
  'importKey',
  'exportKey',
  'deriveKey',
  'deriveBits',
  'wrapKey',
  'unwrapKey',
  'generateKey',
  // Blob reads
  'arrayBuffer',
]);

const calledName = (call: ts.CallExpression): string | null => {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
};

/** `x.transaction('rw' | 'readwrite', …tables, callback)` → the callback. */
function writeTransactionCallbacks(source: ts.SourceFile): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'transaction' &&
      n.arguments.length > 1 &&
      ts.isStringLiteral(n.arguments[0]!) &&
      /^(rw|readwrite)[!?]?$/.test(n.arguments[0].text)
    ) {
      const last = n.arguments[n.arguments.length - 1]!;
      if (ts.isArrowFunction(last) || ts.isFunctionExpression(last)) found.push(last);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

/** `file:line name` of every forbidden call inside a write transaction's callback. */
export function asyncWorkInTransactions(file: string, text: string): string[] {
  const source = parsed(file, text);
  const out: string[] = [];
  for (const callback of writeTransactionCallbacks(source)) {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const name = calledName(n);
        if (name && ASYNC_WORK.has(name)) {
          const line = source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
          out.push(`${file}:${line} ${name}`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(callback);
  }
  return out;
}

describe('no hashing, crypto or Blob read inside a write transaction', () => {
  it('lib/store: every write transaction only reads and writes', () => {
    const files = storeSources();
    const transactions = files.flatMap((f) => writeTransactionCallbacks(parsed(f.file, f.text)));
    // The check sees the store's transactions (a parser change would otherwise pass vacuously).
    expect(transactions.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => asyncWorkInTransactions(f.file, f.text))).toEqual([]);
  });

  it('finds a hash awaited inside a transaction, and not one awaited before it', () => {
    const inside = `async function f(db) {
      await db.transaction('rw', db.captures, async () => {
        const h = await sha256RefOf(bytes);
        await db.captures.add({ h });
      });
    }`;
    const before = `async function f(db) {
      const h = await sha256RefOf(bytes);
      await db.transaction('rw', db.captures, async () => { await db.captures.add({ h }); });
      await db.transaction('r', db.captures, async () => { await blob.arrayBuffer(); });
    }`;
    expect(asyncWorkInTransactions('inside.ts', inside)).toEqual(['inside.ts:3 sha256RefOf']);
    expect(asyncWorkInTransactions('before.ts', before)).toEqual([]);
  });
});
