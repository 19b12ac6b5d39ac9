import { browser } from 'wxt/browser';
import { openExportFile } from '../lib/background/export-file';
import { request, RequestError } from '../lib/messaging/client';
import { verifyPackage } from '../lib/evidence/verify';
import type { VerifyReport } from '../lib/evidence/verify-report';
import { blobSource } from '../lib/evidence/zip/source';
import { exportProgressSchema } from '../lib/messaging/messages/evidence';
import type { Response } from '../lib/messaging/protocol';

// `export.run` and `key.info` go to the background. Verification runs right here, in the page,
// with the pure verifier over the File (read in slices, never whole) — the same code as `dalel
// verify` and verify.html. `import.run` is not on main yet: it is sent untyped against the agreed
// shape and is the only line to rewire.

async function send<T>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
  const response = (await browser.runtime.sendMessage({ type, ...payload })) as Response<T>;
  if (!response) throw new RequestError('failed', 'no answer from the background');
  if (!response.ok) throw new RequestError(response.error.code, response.error.message);
  return response.data;
}

/** What to put in a package: one case, one person, or chosen captures. */
export type ExportScope =
  | { kind: 'case'; caseId: string }
  | { kind: 'person'; personId: string }
  | { kind: 'selection'; captureIds: string[] };

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
  fingerprint: string;
  /** An object URL (or extension URL) the package can be saved from. */
  downloadUrl: string;
}

/** A verification's outcome: every check, the verdict, the signer. */
export type VerifyResult = VerifyReport;

export interface ImportSummary {
  captures: number;
  persons: number;
  cases: number;
  links: number;
  skipped: number;
}

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

const idsOf = (scope: ExportScope) =>
  scope.kind === 'case'
    ? [scope.caseId]
    : scope.kind === 'person'
      ? [scope.personId]
      : scope.captureIds;

/** Runs an export, following its progress events, and makes the package downloadable. */
async function runExport(
  scope: ExportScope,
  onProgress: (p: Progress) => void,
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
    const result = await request('export.run', { scope: { kind: scope.kind, ids: idsOf(scope) } });
    // The package was streamed into this origin's private file system; a blob URL of the
    // disk-backed File lets the browser save it without reading it into memory.
    const file = await openExportFile(result.file);
    return {
      fileName: result.file,
      bytes: result.size,
      packageId: result.packageId,
      fingerprint: result.fingerprint,
      ...result.counts,
      downloadUrl: URL.createObjectURL(file),
    };
  } finally {
    browser.runtime.onMessage.removeListener(listener);
  }
}

export const exchangeApi = {
  export: runExport,
  verify: (file: File, onProgress: (p: Progress) => void, pinnedKey?: string) =>
    verifyPackage(blobSource(file), {
      pinnedKey: pinnedKey || undefined,
      onProgress: (done, total) => onProgress({ done, total }),
    }),
  import: (file: File) => send<ImportSummary>('import.run', { name: file.name }),
  keyInfo: (): Promise<KeyInfo> => request('key.info'),
};
