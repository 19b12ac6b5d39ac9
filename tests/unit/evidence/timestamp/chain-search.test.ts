// The bounds of the path search (lib/evidence/timestamp/chain.ts): how deep a path may go, and
// how many signature checks one search may spend on certificates a hostile token offers. Each at
// its edge: the last length and step count that work, and one more that does not. Then which
// path the search settles on, and which problem it names, when a token offers several.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChain } from '../../../../lib/evidence/timestamp/chain';
import {
  parseCertificate,
  pemCertificates,
  type Certificate,
} from '../../../../lib/evidence/timestamp/x509';
import { openssl } from '../../../support/tsa/pki';

// No key identifiers: they would let the search skip a wrong issuer without checking its
// signature, and these tests count signature checks.
const NO_IDS = ['subjectKeyIdentifier=none', 'authorityKeyIdentifier=none'];
const CA_EXT = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign', ...NO_IDS];
const LEAF_EXT = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  ...NO_IDS,
];

interface Made {
  cert: Certificate;
  pemPath: string;
  keyPath: string;
}

let dir: string;
let serial = 1;

/** A certificate named `name`, under `issuer` (self-signed when null), with a new key or `reuse`'s. */
function make(name: string, issuer: Made | null, ext: string[], reuse?: Made): Made {
  const id = `${serial++}`;
  const keyPath = reuse?.keyPath ?? path.join(dir, `${id}.key`);
  const pemPath = path.join(dir, `${id}.pem`);
  if (!reuse)
    openssl([
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      keyPath,
    ]);
  if (!issuer) {
    openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      keyPath,
      '-out',
      pemPath,
      '-days',
      '3650',
      '-subj',
      `/CN=${name}`,
      ...ext.flatMap((line) => ['-addext', line]),
    ]);
  } else {
    const csr = path.join(dir, `${id}.csr`);
    const extFile = path.join(dir, `${id}.cnf`);
    writeFileSync(extFile, `${ext.join('\n')}\n`);
    openssl(['req', '-new', '-key', keyPath, '-out', csr, '-subj', `/CN=${name}`]);
    openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      issuer.pemPath,
      '-CAkey',
      issuer.keyPath,
      '-set_serial',
      id,
      '-days',
      '3000',
      '-extfile',
      extFile,
      '-out',
      pemPath,
    ]);
  }
  return {
    cert: parseCertificate(pemCertificates(readFileSync(pemPath, 'utf8'))[0]!),
    pemPath,
    keyPath,
  };
}

/** A root, `n` intermediates below it one under the other, and a leaf under the last. */
function chainOf(n: number) {
  const root = make('Search Root', null, CA_EXT);
  const intermediates: Made[] = [];
  let issuer = root;
  for (let i = 0; i < n; i++) {
    issuer = make(`Search Intermediate ${i}`, issuer, CA_EXT);
    intermediates.push(issuer);
  }
  const leaf = make('Search Leaf', issuer, LEAF_EXT);
  return { root, intermediates, leaf };
}

const now = () => new Date();

/** The path search over a whole chain: every intermediate offered, the root trusted. */
const searchWhole = (c: ReturnType<typeof chainOf>) =>
  buildChain(
    c.leaf.cert,
    c.intermediates.map((m) => m.cert),
    [c.root.cert],
    now(),
  );

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-chain-search-'));
});

describe('path length', () => {
  it('a root, seven intermediates and the leaf are found; an eighth intermediate is one too many', async () => {
    const seven = chainOf(7);
    const found = await searchWhole(seven);
    expect(found.ok).toBe(true);
    if (found.ok) expect(found.chain).toHaveLength(9);

    const eight = chainOf(8);
    const tooDeep = await searchWhole(eight);
    // Nothing was wrong on the way: the path just ends, and the leaf's issuer goes unproven.
    expect(tooDeep).toMatchObject({
      ok: false,
      code: 'chain_untrusted',
      params: { issuer: 'CN=Search Intermediate 7' },
    });
  }, 60_000);

  it('an issuer missing further up is named, not the leaf’s', async () => {
    const two = chainOf(2);
    const result = await buildChain(
      two.leaf.cert,
      [two.intermediates[1]!.cert],
      [two.root.cert],
      now(),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'chain_untrusted',
      params: { issuer: 'CN=Search Intermediate 0' },
    });
  });

  it('a certificate is valid up to and including its last second', async () => {
    const none = chainOf(0);
    const at = (t: Date) => buildChain(none.leaf.cert, [], [none.root.cert], t);
    const notAfter = none.leaf.cert.notAfter;
    expect((await at(notAfter)).ok).toBe(true);
    expect(await at(new Date(notAfter.getTime() + 1000))).toMatchObject({
      ok: false,
      code: 'chain_not_valid_at_time',
      params: { subject: 'CN=Search Leaf' },
    });
  });
});

describe('signature checks one search may spend', () => {
  let genuine: ReturnType<typeof chainOf>;
  let decoys: Certificate[];
  beforeAll(() => {
    genuine = chainOf(1);
    // Same name as the genuine intermediate, another key: each costs a signature check.
    const other = make('Decoy Root', null, CA_EXT);
    decoys = Array.from({ length: 63 }, () => make('Search Intermediate 0', other, CA_EXT).cert);
  }, 120_000);

  const search = (pool: Certificate[]) =>
    buildChain(genuine.leaf.cert, pool, [genuine.root.cert], now());

  it('62 wrong issuers before the right one: found on the 64th check (the root is the last)', async () => {
    const result = await search([...decoys.slice(0, 62), genuine.intermediates[0]!.cert]);
    expect(result.ok).toBe(true);
  });

  it('63 wrong issuers before the right one: the 65th check is not made, untrusted', async () => {
    const result = await search([...decoys.slice(0, 63), genuine.intermediates[0]!.cert]);
    expect(result.ok).toBe(false);
  });

  it('the same wrong issuer offered 64 times costs one check', async () => {
    const result = await search([
      ...Array.from({ length: 64 }, () => decoys[0]!),
      genuine.intermediates[0]!.cert,
    ]);
    expect(result.ok).toBe(true);
  });

  it('a wrong issuer alone: the problem is named at the depth it was met', async () => {
    const result = await search([decoys[0]!]);
    expect(result).toMatchObject({
      ok: false,
      code: 'chain_bad_signature',
      params: { subject: 'CN=Search Leaf' },
    });
  });
});

describe('which path and which problem, among several', () => {
  let root: Made;
  let absentRoot: Made;
  const refusal = (code: string, params: Record<string, string>) => ({ ok: false, code, params });
  beforeAll(() => {
    root = make('Choice Root', null, CA_EXT);
    // Never offered nor trusted: what it issued leads nowhere.
    absentRoot = make('Absent Root', null, CA_EXT);
  }, 60_000);

  it('a first issuer that leads nowhere does not end the search: the second, same name and key, reaches the root', async () => {
    const stranded = make('Shared Intermediate', absentRoot, CA_EXT);
    const anchored = make('Shared Intermediate', root, CA_EXT, stranded);
    const leaf = make('Choice Leaf', stranded, LEAF_EXT);
    const result = await buildChain(leaf.cert, [stranded.cert, anchored.cert], [root.cert], now());
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.chain.map((c) => c.raw)).toEqual([
        leaf.cert.raw,
        anchored.cert.raw,
        root.cert.raw,
      ]);
  });

  it('two problems met at the same depth: the first is named, not the last', async () => {
    const stranded = make('Tied Intermediate', absentRoot, CA_EXT);
    const notCa = make('Tied Intermediate', root, LEAF_EXT, stranded);
    const leaf = make('Tied Leaf', stranded, LEAF_EXT);
    // The stranded issuer is tried first and fails one step up; the second is no CA at all.
    const firstStranded = await buildChain(
      leaf.cert,
      [stranded.cert, notCa.cert],
      [root.cert],
      now(),
    );
    expect(firstStranded).toMatchObject(refusal('chain_untrusted', { issuer: 'CN=Absent Root' }));
    const firstNotCa = await buildChain(leaf.cert, [notCa.cert, stranded.cert], [root.cert], now());
    expect(firstNotCa).toMatchObject(refusal('chain_not_ca', { subject: 'CN=Tied Intermediate' }));
  });

  it('the root is trusted when it is any one of several anchors, and nothing is when none is given', async () => {
    const other = make('Other Root', null, CA_EXT);
    const leaf = make('Anchored Leaf', root, LEAF_EXT);
    expect((await buildChain(leaf.cert, [], [other.cert, root.cert], now())).ok).toBe(true);
    expect((await buildChain(leaf.cert, [], [root.cert, other.cert], now())).ok).toBe(true);
    expect(await buildChain(leaf.cert, [root.cert], [], now())).toMatchObject(
      refusal('chain_untrusted', { issuer: 'CN=Choice Root' }),
    );
  });

  it('a leaf trusted as an anchor itself is still refused for an unknown critical extension', async () => {
    const leaf = make('Pinned Leaf', root, [...LEAF_EXT, '1.3.6.1.4.1.99999.7=critical,ASN1:NULL']);
    expect(await buildChain(leaf.cert, [], [leaf.cert], now())).toMatchObject(
      refusal('chain_critical_extension', {
        subject: 'CN=Pinned Leaf',
        oid: '1.3.6.1.4.1.99999.7',
      }),
    );
    // Without that extension, pinning the leaf is trust enough.
    const plain = make('Pinned Plain Leaf', root, LEAF_EXT);
    expect((await buildChain(plain.cert, [], [plain.cert], now())).ok).toBe(true);
  });

  it('a self-signed certificate that is not trusted ends the path: it is named, not walked again', async () => {
    const selfSigned = make('Loop Root', null, CA_EXT);
    const intermediate = make('Loop Intermediate', selfSigned, CA_EXT);
    const leaf = make('Loop Leaf', intermediate, LEAF_EXT);
    const result = await buildChain(
      leaf.cert,
      [intermediate.cert, selfSigned.cert],
      [root.cert],
      now(),
    );
    expect(result).toMatchObject(refusal('chain_untrusted', { issuer: 'CN=Loop Root' }));
  });

  it('a fault that is not an unsupported algorithm is thrown, not turned into a verdict', async () => {
    const leaf = make('Fault Leaf', root, LEAF_EXT);
    // No certificate parseCertificate builds lacks a key algorithm: this stands for a bug.
    const broken = { ...root.cert, keyAlgorithm: undefined } as unknown as Certificate;
    await expect(buildChain(leaf.cert, [], [broken], now())).rejects.toThrow(TypeError);
  });
});
