// integrity.md S1–S7, P2–P5: any change to a package is detected and named.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../lib/evidence/canonical-json';
import type { Capture } from '../../../lib/model/capture';
import { captureSeal } from '../../../lib/evidence/seal';
import { digestRef, eventLeaf } from '../../../lib/evidence/custody-tree';
import { LAYOUT, UNLISTED } from '../../../lib/evidence/manifest';
import { generateSigningKey, publicKeyPem, type SigningKey } from '../../../lib/evidence/signing';
import { openZip } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import {
  demoPackage,
  failureFiles,
  failureText,
  get,
  manifestOf,
  repack,
  resign,
  set,
  unpack,
  verifyBytes,
  type Entry,
} from './package-fixture';

let zip: Uint8Array;
let key: SigningKey;
let entries: Entry[];
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

beforeAll(async () => {
  ({ zip, key } = await demoPackage());
  entries = await unpack(zip);
});

describe('single changes to the entries (S1, P2, P4)', () => {
  it('S1: any single byte flip in any entry fails, naming that entry (or the signature over it)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (pickEntry, pickByte, mask) => {
          const target = entries[pickEntry % entries.length]!;
          const data = target.data.slice();
          data[pickByte % data.length]! ^= mask;
          const report = await verifyBytes(await repack(set(entries, target.name, data)));
          expect(report.verdict).toBe('invalid');
          const named = failureFiles(report);
          if (UNLISTED.includes(target.name))
            expect(
              named.some(
                (f) => f === target.name || f === LAYOUT.signature || f === LAYOUT.publicKey,
              ),
            ).toBe(true);
          else expect(named).toContain(target.name);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('S1: signer.pem must be byte-exact, even where a lenient PEM reader would see the same key', async () => {
    const pem = get(entries, LAYOUT.publicKey);
    for (const variant of [
      dec(pem).replace(/\n/g, '\r\n'),
      `${dec(pem)}\n`,
      dec(pem).replace('\n', '\u000b'),
    ]) {
      const report = await verifyBytes(await repack(set(entries, LAYOUT.publicKey, enc(variant))));
      expect(report.verdict).toBe('invalid');
      expect(failureFiles(report)).toContain(LAYOUT.publicKey);
    }
  });

  it("S1: any byte flip inside an entry's data in the archive fails naming the entry, unless it leaves the content unchanged", async () => {
    const archive = await openZip(bytesSource(zip));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (pickEntry, pickByte) => {
        const e = archive.entries[pickEntry % archive.entries.length]!;
        const flipped = zip.slice();
        flipped[e.dataOffset + (pickByte % e.compressedSize)]! ^= 0x20;
        const report = await verifyBytes(flipped, { pinnedKey: key.fingerprint });
        if (report.verdict === 'valid') {
          // Only possible in a deflate stream's unused padding bits: the content is unchanged.
          expect(e.method).toBe(8);
          expect(await unpack(flipped)).toEqual(entries);
          return;
        }
        expect(failureFiles(report).some((f) => f === e.name || f === LAYOUT.signature)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('P2: any entry removed is reported missing', async () => {
    for (const target of entries) {
      const report = await verifyBytes(await repack(entries.filter((e) => e !== target)));
      expect(report.verdict, target.name).toBe('invalid');
      expect(failureText(report)).toMatch(
        new RegExp(
          `${target.name.replace(/[.]/g, '\\.')}: (listed in the manifest but missing|missing)`,
        ),
      );
    }
  });

  it('P2: an added entry (with or without an extension) is reported as unlisted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z]{1,4})?$/), async (name) => {
        fc.pre(!entries.some((e) => e.name.toLowerCase() === name.toLowerCase()));
        const report = await verifyBytes(await repack([...entries, { name, data: enc('extra') }]));
        expect(failureText(report)).toContain(`${name}: not listed in the manifest (added?)`);
      }),
      { numRuns: 20 },
    );
  });

  it('P2: a renamed entry is reported both missing and unlisted', async () => {
    const target = entries.find((e) => e.name.endsWith('.png'))!;
    const renamed = entries.map((e) => (e === target ? { ...e, name: `${e.name}.bak` } : e));
    const text = failureText(await verifyBytes(await repack(renamed)));
    expect(text).toContain(`${target.name}: listed in the manifest but missing`);
    expect(text).toContain(`${target.name}.bak: not listed in the manifest`);
  });

  it('Z1: a duplicated entry (even with identical bytes) is refused', async () => {
    for (const name of [LAYOUT.manifest, entries.find((e) => e.name.endsWith('.html'))!.name]) {
      const target = entries.find((e) => e.name === name)!;
      const report = await verifyBytes(await repack([...entries, target]));
      expect(failureText(report)).toContain(`${name}: duplicate entry name`);
    }
  });

  it('P4/S4: signature, statement or public key stripped → invalid', async () => {
    for (const drop of [
      [LAYOUT.signature],
      [LAYOUT.statement],
      [LAYOUT.publicKey],
      [LAYOUT.signature, LAYOUT.statement, LAYOUT.publicKey],
    ]) {
      const report = await verifyBytes(
        await repack(entries.filter((e) => !(drop as string[]).includes(e.name))),
      );
      expect(report.verdict).toBe('invalid');
      expect(failureText(report)).toContain(`${drop[0]}: missing (signature stripped?)`);
    }
  });
});

describe('signature and statement (S2–S5, P3, P5)', () => {
  it("another key's signature in place of ours fails", async () => {
    const other = await generateSigningKey();
    let forged = set(entries, LAYOUT.signature, await other.sign(get(entries, LAYOUT.statement)));
    expect(failureText(await verifyBytes(await repack(forged)))).toContain(
      'statement.sig: signature does not verify',
    );
    forged = set(forged, LAYOUT.publicKey, enc(publicKeyPem(other.publicKeyRaw)));
    expect(failureText(await verifyBytes(await repack(forged)))).toContain(
      `names key ${key.fingerprint}, but was signed by ${other.fingerprint}`,
    );
  });

  it('P3/S3: a complete re-signing by another key is only "valid, unpinned" with a different fingerprint, and fails against the pinned key', async () => {
    const attacker = await generateSigningKey();
    const png = entries.find((e) => e.name.endsWith('.png'))!;
    const altered = set(entries, png.name, new Uint8Array([...png.data, 0]));
    const forged = await repack(await resign(altered, attacker));
    const unpinned = await verifyBytes(forged);
    expect(unpinned.fingerprint).toBe(attacker.fingerprint);
    expect(unpinned.fingerprint).not.toBe(key.fingerprint);
    const pinned = await verifyBytes(forged, { pinnedKey: key.fingerprint });
    expect(pinned.verdict).toBe('invalid');
    expect(failureText(pinned)).toContain('unknown signer');
  });

  it('S2: manifest edited and its hash recomputed into the statement → signature fails', async () => {
    const png = entries.find((e) => e.name.endsWith('.png'))!;
    let altered = set(entries, png.name, new Uint8Array([...png.data, 0]));
    const signedBy = key;
    const resigned = await resign(altered, signedBy);
    // Keep the recomputed manifest and statement, but the original signature.
    altered = set(resigned, LAYOUT.signature, get(entries, LAYOUT.signature));
    const report = await verifyBytes(await repack(altered));
    expect(failureText(report)).toContain('statement.sig: signature does not verify');
  });

  it('S2: manifest edited without touching the statement → manifest hash mismatch', async () => {
    const manifest = manifestOf(entries);
    manifest.tool.version = '9.9.9';
    const { canonicalBytes } = await import('../../../lib/evidence/canonical-json');
    const report = await verifyBytes(
      await repack(set(entries, LAYOUT.manifest, canonicalBytes(manifest))),
    );
    expect(failureText(report)).toMatch(
      /manifest\.json: SHA-256 sha256:[0-9a-f]+ is not the signed sha256:[0-9a-f]+: manifest altered after signing/,
    );
  });

  it('S5: a changed creation time is caught (it is inside the signed statement)', async () => {
    const forged = await resign(entries, key, (m) => {
      m.created = '2020-01-01T00:00:00.000Z';
    });
    // Put back the original statement and signature: the manifest now disagrees with them.
    const mixed = set(
      set(forged, LAYOUT.statement, get(entries, LAYOUT.statement)),
      LAYOUT.signature,
      get(entries, LAYOUT.signature),
    );
    expect(failureText(await verifyBytes(await repack(mixed)))).toMatch(
      /manifest altered after signing/,
    );
  });

  it('P5: md5, sha1 or unknown hash algorithms are refused even when signed', async () => {
    for (const hash of [
      `md5:${'0'.repeat(32)}`,
      `sha1:${'0'.repeat(40)}`,
      `SHA256:${'0'.repeat(64)}`,
      `blake3:${'0'.repeat(64)}`,
    ]) {
      const forged = await resign(entries, key, (m) => {
        m.files[0]!.sha256 = hash;
      });
      expect(failureText(await verifyBytes(await repack(forged)))).toContain(
        'hash algorithm not allowed',
      );
    }
  });

  it('S6/S7: a signed manifest with a duplicate key or in non-canonical form is refused', async () => {
    const dup = await resign(
      entries,
      key,
      () => {},
      (b) => enc(dec(b).replace('{"algorithms"', '{"format":"x","algorithms"')),
    );
    expect(failureText(await verifyBytes(await repack(dup)))).toContain(
      'manifest.json: duplicate key "format"',
    );
    const spaced = await resign(
      entries,
      key,
      () => {},
      (b) => enc(dec(b).replace(/,"/g, ', "')),
    );
    expect(failureText(await verifyBytes(await repack(spaced)))).toContain(
      'manifest.json: not in canonical form',
    );
  });

  it('unknown manifest fields are refused (strict schema)', async () => {
    const forged = await resign(entries, key, (m) => Object.assign(m, { extra: 1 }));
    expect(failureText(await verifyBytes(await repack(forged)))).toMatch(
      /manifest\.json: .*[Uu]nrecognized key/,
    );
  });
});

describe('records and custody, even when re-signed by the same key', () => {
  it('an artifact replaced and re-listed no longer matches its capture-time hash', async () => {
    const png = entries.find((e) => e.name.endsWith('.png'))!;
    const forged = await resign(set(entries, png.name, new Uint8Array([...png.data, 1])), key);
    expect(failureText(await verifyBytes(await repack(forged)))).toContain(
      `${png.name}: differs from the hash recorded at capture time`,
    );
  });

  it('a capture record edited after sealing fails its seal', async () => {
    const path = entries.find((e) => e.name.endsWith('capture.json'))!.name;
    const capture = JSON.parse(dec(get(entries, path))) as { metadata: { title: string } };
    capture.metadata.title = 'edited';
    const { canonicalBytes } = await import('../../../lib/evidence/canonical-json');
    const forged = await resign(set(entries, path, canonicalBytes(capture)), key);
    expect(failureText(await verifyBytes(await repack(forged)))).toContain(
      `${path}: seal does not match the capture record`,
    );
  });

  it('a capture edited after sealing, re-sealed (no key needed) and re-signed by the same key fails against its custody event', async () => {
    const path = entries.find((e) => e.name.endsWith('capture.json'))!.name;
    const capture = JSON.parse(dec(get(entries, path))) as Capture;
    const edited = { ...capture, metadata: { ...capture.metadata, title: 'edited' } };
    const resealed = { ...edited, seal: await captureSeal(edited) };
    const forged = await resign(set(entries, path, canonicalBytes(resealed)), key, (m) => {
      m.contents.captures.find((c) => c.id === capture.id)!.seal = resealed.seal;
    });
    const report = await verifyBytes(await repack(forged), { pinnedKey: key.fingerprint });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => f.code)).toEqual(['capture_event_seal']);
    expect(failureText(report)).toContain(
      `capture ${capture.id} was sealed as ${capture.seal} (custody event`,
    );
    // The same with another URL: the captured event names the URL it was taken of.
    const moved = { ...capture, url: 'https://example.org/elsewhere' };
    const resealedMoved = { ...moved, seal: await captureSeal(moved) };
    const movedPkg = await resign(set(entries, path, canonicalBytes(resealedMoved)), key, (m) => {
      const item = m.contents.captures.find((c) => c.id === capture.id)!;
      item.seal = resealedMoved.seal;
      item.url = moved.url;
    });
    const codes = (await verifyBytes(await repack(movedPkg))).failures.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['capture_event_seal', 'capture_event_url']));
  });

  it('a tag added to the package without its tagged event, or with another note, fails even re-signed', async () => {
    const linkPath = entries.find((e) => e.name.startsWith('records/links/'))!.name;
    const link = JSON.parse(dec(get(entries, linkPath))) as { note: string; id: string };
    const renoted = await resign(
      set(entries, linkPath, canonicalBytes({ ...link, note: 'a note nobody wrote' })),
      key,
    );
    const report = await verifyBytes(await repack(renoted), { pinnedKey: key.fingerprint });
    expect(report.failures.map((f) => [f.code, f.params])).toEqual([
      ['link_no_event', { id: link.id }],
    ]);
    const invented = { ...link, id: 'lnk_invented', note: 'added later' };
    const added = await resign(
      [...entries, { name: 'records/links/lnk_invented.json', data: canonicalBytes(invented) }],
      key,
      (m) => {
        m.contents.links.push({ id: invented.id, path: 'records/links/lnk_invented.json' });
        m.files.push({
          path: 'records/links/lnk_invented.json',
          sha256: `sha256:${'0'.repeat(64)}`,
          size: 0,
          mediaType: 'application/json',
        });
      },
    );
    const withNew = await verifyBytes(await repack(added), { pinnedKey: key.fingerprint });
    expect(withNew.failures.map((f) => f.code)).toContain('link_no_event');
  });

  it("a capture whose captured event was made by a key that is not the signer's fails", async () => {
    const other = await generateSigningKey();
    const { buildDemoInput } = await import('../../../lib/demo/demo-input');
    const { writeToBytes, NOW } = await import('./package-fixture');
    // The log says another key captured everything; the package is signed by `key`.
    const input = await buildDemoInput(other, NOW);
    const report = await verifyBytes(await writeToBytes({ ...input, signer: key }), {
      pinnedKey: key.fingerprint,
    });
    expect(report.failures.map((f) => f.code)).toEqual(
      expect.arrayContaining(['capture_event_actor', 'link_event_actor']),
    );
  });

  it('L2: an edited or reordered event, or a capture without its "captured" event, fails', async () => {
    const lines = dec(get(entries, LAYOUT.events)).trimEnd().split('\n');
    const variants = [
      lines.map((l) =>
        l === lines.find((x) => x.includes('"tagged"')) ? l.replace('"tagged"', '"untagged"') : l,
      ),
      lines.filter((l) => l !== lines.find((x) => x.includes('"captured"'))),
      [lines[1]!, lines[0]!, ...lines.slice(2)],
    ];
    for (const v of variants) {
      const forged = await resign(
        set(entries, LAYOUT.events, enc(`${v.join('\n')}\n`)),
        key,
        (m) => {
          m.custody.disclosed = v.length;
        },
      );
      const report = await verifyBytes(await repack(forged));
      expect(v).not.toEqual(lines);
      expect(report.verdict).toBe('invalid');
      expect(failureFiles(report)).toContain(LAYOUT.events);
    }
  });

  it('L3: a hidden event needs its proof node; a missing or altered node fails, even re-signed', async () => {
    const lines = dec(get(entries, LAYOUT.events)).trimEnd().split('\n');
    const hidden = lines.slice(0, -1).find((l) => l.includes('"person_created"'))!;
    const shown = lines.filter((l) => l !== hidden);
    const proof = JSON.parse(dec(get(entries, LAYOUT.proof))) as { nodes: string[] };
    const withProof = (nodes: string[]) =>
      resign(
        set(
          set(entries, LAYOUT.events, enc(`${shown.join('\n')}\n`)),
          LAYOUT.proof,
          canonicalBytes({ ...proof, nodes }),
        ),
        key,
        (m) => {
          m.custody.disclosed = shown.length;
        },
      );
    expect(proof.nodes).toEqual([]); // the fixture discloses its whole log
    const leaf = digestRef(eventLeaf(JSON.parse(hidden) as { hash: string }));
    expect(
      (await verifyBytes(await repack(await withProof([leaf])), { pinnedKey: key.fingerprint }))
        .verdict,
    ).toBe('valid');
    expect(failureText(await verifyBytes(await repack(await withProof([]))))).toContain(
      'custody/proof.json: custody proof is malformed: the proof has too few nodes',
    );
    const other = `sha256:${'ab'.repeat(32)}`;
    expect(failureText(await verifyBytes(await repack(await withProof([other]))))).toContain(
      'custody/proof.json: the events do not lead to the signed custody root',
    );
    expect(failureText(await verifyBytes(await repack(await withProof([leaf, leaf]))))).toContain(
      'custody/proof.json: custody proof is malformed: the proof has 1 node(s) too many',
    );
  });
});
