import { browser } from 'wxt/browser';
import { RequestError } from '../lib/messaging/client';
import type { Response } from '../lib/messaging/protocol';

// TEMPORARY (until the lead adds `export.run`, `import.verify`, `import.run` and `key.info` on
// main): the screens are built against these shapes; wiring replaces only this file.

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
  captures: number;
  persons: number;
  cases: number;
  files: number;
  custodyEvents: number;
  fingerprint: string;
  /** An object URL (or extension URL) the package can be saved from. */
  downloadUrl: string;
}

export interface Check {
  ok: boolean;
  file: string | null;
  message: string;
}

/** A verification's outcome, as lib/evidence's verifier reports it. */
export interface VerifyResult {
  verdict: 'valid' | 'invalid' | 'unreadable';
  failures: Check[];
  passed: Check[];
  fingerprint: string | null;
  pinned: 'match' | 'mismatch' | 'unpinned';
  files: number;
  bytes: number;
}

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
}

export const exchangeApi = {
  export: (scope: ExportScope, _onProgress: (p: Progress) => void) =>
    send<ExportSummary>('export.run', { scope }),
  verify: (file: File, _onProgress: (p: Progress) => void) =>
    send<VerifyResult>('import.verify', { name: file.name }),
  import: (file: File) => send<ImportSummary>('import.run', { name: file.name }),
  keyInfo: () => send<KeyInfo>('key.info'),
};
