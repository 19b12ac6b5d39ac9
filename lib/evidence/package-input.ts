import type { Capture } from '../model/capture';
import type { CustodyEvent } from '../model/custody';
import type { LegalCase } from '../model/legal-case';
import type { Link } from '../model/link';
import type { Person } from '../model/person';
import type { Redaction } from '../model/redaction';
import type { Checkpoint } from './custody';
import type { CustodyProof } from './custody-disclosure';
import type { Primitives } from './primitives';
import type { SCOPE_KINDS } from './manifest';
import type { Signer } from './signing';
import type { Language } from '../i18n/translator';
import type { StampedAnnex } from './timestamp/stamp-statement';

export type ArtifactBytes = Blob | ReadableStream<Uint8Array>;

export interface ExportProgress {
  phase: 'artifacts' | 'records' | 'report' | 'signing' | 'timestamping' | 'done';
  bytesDone: number;
  bytesTotal: number;
}

/** Everything an export needs, already selected; the writer reads artifacts one at a time. */
export interface PackageInput {
  scope: { kind: (typeof SCOPE_KINDS)[number]; ids: string[] };
  cases: LegalCase[];
  persons: Person[];
  links: Link[];
  captures: Capture[];
  /** Redacted working copies in force for the included captures (their bytes via openArtifact). */
  redactions?: Redaction[];
  /**
   * Capturer protection: leave out every original that has a redacted copy (and the MHTML of a
   * capture that has any: it cannot be redacted), listing their hashes as withheld.
   */
  withholdRedactedOriginals?: boolean;
  custody: {
    /** Full events about the included items, in log order. */
    events: CustodyEvent[];
    /** The whole log's state when the package is made: size, head and Merkle root. */
    checkpoint: Checkpoint;
    /** Proof that `events` sit in that log, and that it extends earlier exports (custody-disclosure.ts). */
    proof: CustodyProof;
  };
  /**
   * Capture-time time-stamp tokens (DER TimeStampResp) per capture id, from the captures'
   * `timestamped` custody events; written as listed files beside the capture.
   */
  captureTimestamps?: ReadonlyMap<string, readonly Uint8Array[]>;
  /**
   * Stamps the finished signature (statement.sig) and answers the unsigned annex to add
   * (`timestamps/…`) and what each TSA did; absent when no TSA is configured.
   */
  stampSignature?: (signature: Uint8Array) => Promise<StampedAnnex>;
  /** Bytes of a stored artifact by its `sha256:` ref; may be called more than once. */
  openArtifact(sha256: string): Promise<ArtifactBytes>;
  signer: Signer;
  tool: { name: string; version: string };
  now: Date;
  /** The language of report.html and report.pdf (chosen at export); English when absent. */
  language?: Language;
  onProgress?: (progress: ExportProgress) => void;
}

export interface PackageOptions {
  primitives?: Primitives;
  /** Test hooks for the Zip64 boundaries. */
  zip64Threshold?: number;
  maxEntries16?: number;
  /** Screenshots embedded in report.html and report.pdf: per image and total byte budgets. */
  reportImageLimit?: number;
  reportImageBudget?: number;
  /**
   * The TrueType font report.pdf embeds (public/fonts/dejavu-sans-dalel.ttf), loaded only when a
   * package is made. Without it the package has no report.pdf.
   */
  reportFont?: () => Promise<Uint8Array>;
}
