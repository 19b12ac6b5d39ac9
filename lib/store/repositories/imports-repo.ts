import { toBase64 } from '../../evidence/hex';
import type { Capture } from '../../model/capture';
import type { LegalCase } from '../../model/legal-case';
import type { Link } from '../../model/link';
import type { Person } from '../../model/person';
import type { StoreContext } from '../context';
import { blobForStorage } from '../encryption/blobs';
import { CustodyRepo } from './custody-repo';
import { PersonsRepo } from './persons-repo';

/** The package does not fit the store: nothing of it was imported. */
export class ImportConflictError extends Error {}

/** Counts of an import, per kind of record. */
export interface ImportCounts {
  captures: number;
  persons: number;
  cases: number;
  links: number;
  artifacts: number;
}

/** Bytes read from a package and re-hashed: `sha256` is the hash of exactly `bytes`. */
export interface ImportedBytes {
  bytes: Blob;
  sha256: string;
  size: number;
}

/** A capture-time token of the package, genuine for its capture (its CA may be unknown here). */
export interface ImportedToken {
  /** The RFC 3161 token's DER bytes. */
  token: Uint8Array;
  time: string | null;
  tsa: string | null;
}

/** What one import commits: the package's records and who they come from. */
export interface ImportCommit {
  captures: readonly Capture[];
  persons: readonly Person[];
  cases: readonly LegalCase[];
  links: readonly Link[];
  packageId: string;
  /** The signer's fingerprint; every event is by `import:<fingerprint>`. */
  fingerprint: string;
  /** The monitor accepted this signer without a pin: recorded as `signer_accepted`. */
  signerAccepted: boolean;
  /** The package's `imported` event, less the counts, which the commit completes. */
  packageEvent: Record<string, unknown>;
  /** Counts so far (the artifacts); the commit adds the records'. */
  imported: ImportCounts;
  duplicates: ImportCounts;
  /**
   * Capture id → its tokens in the package: each becomes a `timestamped` event of the imported
   * capture, so a re-export still carries it.
   */
  captureTokens?: ReadonlyMap<string, readonly ImportedToken[]>;
}

/**
 * The writes of an import (lib/services/import-package.ts decides what to import; this is where
 * it is written, so the store owns every transaction). Artifacts come first, one at a time and
 * content-addressed, so a package of any size needs memory for one artifact; they belong to no
 * record until `commit` writes the records with their custody events in one transaction.
 */
export class ImportsRepo {
  private readonly custody: CustodyRepo;
  private readonly persons: PersonsRepo;

  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
    this.persons = new PersonsRepo(ctx);
  }

  /**
   * Stores one artifact unless its hash is already stored (content-addressed: the same bytes).
   * Encrypted under the lock before its write, outside any transaction. True when it was added.
   */
  async storeArtifact(loaded: ImportedBytes, mediaType: string): Promise<boolean> {
    const { db, cipher } = this.ctx;
    if (await db.artifacts.get(loaded.sha256)) return false;
    const blob = await blobForStorage(cipher, loaded.sha256, loaded.bytes);
    const storedAt = this.ctx.now().toISOString();
    await db.artifacts.add({ sha256: loaded.sha256, blob, size: loaded.size, mediaType, storedAt });
    return true;
  }

  /**
   * Deletes the artifacts a failed import added; they belong to no record (its records were
   * never written). Best effort: what stays is unreferenced and reused by the next import.
   */
  async discardArtifacts(added: readonly string[]): Promise<void> {
    if (added.length > 0) await this.ctx.db.artifacts.bulkDelete([...added]).catch(() => {});
  }

  /** The stored capture of the same id, if any; a different seal is a conflict. */
  async existingCapture(capture: Capture): Promise<Capture | undefined> {
    const existing = await this.ctx.db.captures.get(capture.id);
    if (existing && existing.seal !== capture.seal)
      throw new ImportConflictError(
        `capture ${capture.id} already exists with a different seal; nothing was imported`,
      );
    return existing;
  }

  /**
   * The records and their custody events, in one transaction (integrity.md L7): known records
   * are counted as duplicates; a capture whose artifact left the store, or that was sealed with
   * another seal meanwhile, stops it and nothing is written.
   */
  async commit(input: ImportCommit): Promise<void> {
    const { captures, persons, cases, links, packageId, fingerprint } = input;
    const { imported, duplicates } = input;
    const { db } = this.ctx;
    const actor = `import:${fingerprint}`;
    await db.transaction(
      'rw',
      [db.persons, db.cases, db.captures, db.artifacts, db.links, ...db.custodyLog],
      async () => {
        if (input.signerAccepted)
          await this.custody.append({
            type: 'signer_accepted',
            subject: { kind: 'package', id: packageId },
            data: { fingerprint, packageId },
          });
        for (const person of persons) {
          if (await db.persons.get(person.id)) duplicates.persons++;
          else {
            await this.persons.insertImported(person);
            await this.custody.append({
              type: 'person_created',
              subject: { kind: 'person', id: person.id },
              actor,
              data: { name: person.name, packageId },
            });
            imported.persons++;
          }
        }
        for (const legalCase of cases) {
          if (await db.cases.get(legalCase.id)) duplicates.cases++;
          else {
            await db.cases.add(legalCase);
            await this.custody.append({
              type: 'case_created',
              subject: { kind: 'case', id: legalCase.id },
              actor,
              data: { title: legalCase.title, packageId },
            });
            imported.cases++;
          }
        }
        for (const capture of captures) {
          // Asked again inside the transaction: a capture may have been sealed meanwhile.
          const existing = await this.existingCapture(capture);
          for (const ref of capture.artifacts)
            if (!(await db.artifacts.get(ref.sha256)))
              throw new ImportConflictError(
                `${capture.id}/${ref.name}: its bytes left the store during the import; nothing was imported`,
              );
          if (existing) duplicates.captures++;
          else {
            await db.captures.add(capture);
            await this.custody.append({
              type: 'imported',
              subject: { kind: 'capture', id: capture.id },
              actor,
              data: { seal: capture.seal, url: capture.url, packageId },
            });
            for (const t of input.captureTokens?.get(capture.id) ?? [])
              await this.custody.append({
                type: 'timestamped',
                subject: { kind: 'capture', id: capture.id },
                actor,
                data: {
                  seal: capture.seal,
                  tsa: null,
                  tsaName: t.tsa,
                  time: t.time,
                  token: toBase64(t.token),
                  packageId,
                },
              });
            imported.captures++;
          }
        }
        // A tag (and its note) is the signer's statement about a capture, also about one the
        // monitor already holds: it enters custody as theirs.
        for (const link of links) {
          if (await db.links.get(link.id)) duplicates.links++;
          else {
            await db.links.add(link);
            await this.custody.append({
              type: 'tagged',
              subject: { kind: 'capture', id: link.captureId },
              actor,
              data: {
                linkId: link.id,
                personId: link.personId,
                caseId: link.caseId,
                category: link.category,
                note: link.note,
                packageId,
              },
            });
            imported.links++;
          }
        }
        await this.custody.append({
          type: 'imported',
          subject: { kind: 'package', id: packageId },
          actor,
          data: { ...input.packageEvent, imported, duplicates },
        });
      },
    );
  }
}
