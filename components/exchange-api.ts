import { browser } from 'wxt/browser';
import { openExportFile } from '../lib/background/export-file';
import { backgroundMemoryFiles, opfsRoot } from '../lib/background/memory-files';
import { request } from '../lib/messaging/client';
import { verifyPackage } from '../lib/evidence/verify';
import { trustedAnchors } from '../lib/evidence/timestamp/known-tsas';
import type { VerifyReport } from '../lib/evidence/verify-report';
import type { ImportResult } from '../lib/services/import-package';
import { blobSource } from '../lib/evidence/zip/source';
import { exportProgressSchema } from '../lib/messaging/messages/evidence';
import type { Language } from '../lib/i18n/translator';
import type { StampSummary } from '../lib/evidence/timestamp/annex';

// Export, key and import go to the background. Verification for display runs right here, in the
// page, with the pure verifier over the File (read in slices, never whole) — the same code as
// `dalel verify` and verify.html; the import verifies again, in the background, the bytes it reads.

/** What to put in a package: one case, one person, or chosen captures. */
export type ExportScope =
  | { kind: 'case'; caseId: string }
  | { kind: 'person'; personId: string }
  | { kind: 'selection'; captureIds: string[] }
  | { kind: 'all' };

/** What went into a package, for the summary after export. */
export interface ExportSummary {
  fileName: string;
  bytes: number;
  packageId: string;
  captures: number;
  persons: number;
  cases: number;
  links: number;
  files: number;
  /** Originals left out (hash listed), with redacted copies in their place. */
  withheld: number;
  redactions: number;
  fingerprint: string;
  /** What each configured TSA did (empty: none configured, not time-stamped). */
  timestamps: StampSummary[];
  /** An object URL (or extension URL) the package can be saved from. */
  downloadUrl: string;
}

/** A verification's outcome: every check, the verdict, the signer. */
export type VerifyResult = VerifyReport;

/** What an import added, and what it already had (recognised by hash and id). */
export type ImportSummary = ImportResult;

export interface KeyInfo {
  fingerprint: string;
  algorithm: string;
  createdAt: string;
  /** The public key, PEM (SubjectPublicKeyInfo): what a lawyer pins. */
  publicKeyPem: string;
}

export interface Progress {
  done: number;
  total: number;
  /** What is being done now (`artifacts`, `records`, `report`, `signing`, `done`). */
  phase?: string;
}

const idsOf = (scope: ExportScope): string[] =>
  scope.kind === 'case'
    ? [scope.caseId]
    : scope.kind === 'person'
      ? [scope.personId]
      : scope.kind === 'selection'
        ? scope.captureIds
        : [];

/**
 * Streams the chosen file into this origin's private `imports/` folder under a neutral name (the
 * background reads it from there: packages are too big for a message), then imports it.
 */
async function runImport(
  file: File,
  signer: { pinnedKey?: string; acceptSigner?: string },
): Promise<ImportSummary> {
  const name = `import-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')}.zip`;
  const message = {
    file: name,
    ...(signer.pinnedKey ? { pinnedKey: signer.pinnedKey } : {}),
    ...(signer.acceptSigner ? { acceptSigner: signer.acceptSigner } : {}),
  };
  const root = await opfsRoot();
  if (!root) {
    // No OPFS (permanent private browsing): hand the File itself to the background page.
    (await backgroundMemoryFiles()).set(name, [file]);
    return request('import.run', message);
  }
  const dir = await root.getDirectoryHandle('imports', { create: true });
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await file.stream().pipeTo(writable);
  return request('import.run', message);
}

/**
 * A package the background put into `imports/` (downloaded from the team locker), as a
 * disk-backed File for verification right here; or from the background page's memory without OPFS.
 */
async function openStaged(name: string): Promise<File> {
  const root = await opfsRoot();
  if (!root) {
    const parts = (await backgroundMemoryFiles()).get(name);
    if (!parts) throw new Error('the downloaded package is no longer in memory: download again');
    return new File(parts, name, { type: 'application/zip' });
  }
  const dir = await root.getDirectoryHandle('imports');
  return (await dir.getFileHandle(name)).getFile();
}

/** Runs an export, following its progress events, and makes the package downloadable. */
async function runExport(
  scope: ExportScope,
  onProgress: (p: Progress) => void,
  language: Language = 'en',
  withholdRedactedOriginals = true,
): Promise<ExportSummary> {
  const listener = (message: unknown) => {
    const event = exportProgressSchema.safeParse(message);
    if (event.success)
      onProgress({
        done: event.data.bytesDone,
        total: event.data.bytesTotal,
        phase: event.data.phase,
      });
  };
  browser.runtime.onMessage.addListener(listener);
  try {
    const result = await request('export.run', {
      scope: { kind: scope.kind, ids: idsOf(scope) },
      language,
      withholdRedactedOriginals,
    });
    // The package was streamed into this origin's private file system; a blob URL of the
    // disk-backed File lets the browser save it without reading it into memory.
    const file = await openExportFile(result.file);
    return {
      fileName: result.file,
      bytes: result.size,
      packageId: result.packageId,
      fingerprint: result.fingerprint,
      timestamps: result.timestamps,
      ...result.counts,
      downloadUrl: URL.createObjectURL(file),
    };
  } finally {
    browser.runtime.onMessage.removeListener(listener);
  }
}

export const exchangeApi = {
  export: runExport,
  // The preview trusts the same time-stamping authorities as the import (shipped roots and the
  // monitor's own TSAs' CAs), so the two never disagree on a package's trusted time.
  verify: async (file: File, onProgress: (p: Progress) => void, pinnedKey?: string) => {
    const { timestampAuthorities } = await request('settings.get');
    return verifyPackage(blobSource(file), {
      pinnedKey: pinnedKey || undefined,
      tsaAnchors: trustedAnchors(timestampAuthorities),
      onProgress: (done, total) => onProgress({ done, total }),
    });
  },
  import: runImport,
  /** A package already in `imports/` (from the team locker): opened, then imported by name. */
  openStaged,
  importStaged: (file: string, signer: { pinnedKey?: string; acceptSigner?: string }) =>
    request('import.run', {
      file,
      ...(signer.pinnedKey ? { pinnedKey: signer.pinnedKey } : {}),
      ...(signer.acceptSigner ? { acceptSigner: signer.acceptSigner } : {}),
    }) as Promise<ImportSummary>,
  keyInfo: (): Promise<KeyInfo> => request('key.info'),
};
