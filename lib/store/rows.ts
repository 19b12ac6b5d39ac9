import type { ArtifactRef, Capture } from '../model/capture';
import type { CustodyEvent } from '../model/custody';
import type { LegalCase } from '../model/legal-case';
import type { Link } from '../model/link';
import type { Person } from '../model/person';
import type { CaptureListing } from '../search/capture-listing';

/** A person as stored: `accountKeys` (`platform:handle`, `platform#id`) is derived, for lookups. */
export type PersonRow = Person & { accountKeys: string[] };
export type CaseRow = LegalCase;
export type CaptureRow = Capture;
export type LinkRow = Link;
export type CustodyRow = CustodyEvent;
/** A capture's derived list row (v4), rebuildable from the capture; see `listingOf`. */
export type ListingRow = CaptureListing;

/** One node of the custody log's Merkle tree: `level:index` and its `sha256:` hash. */
export interface CustodyTreeRow {
  id: string;
  hash: string;
}

/** Bytes of one artifact, content-addressed: the key is the hash of exactly these bytes. */
export interface ArtifactRow {
  sha256: string;
  blob: Blob;
  size: number;
  mediaType: string;
  storedAt: string;
}

/**
 * The installation's signing key. `privateKey` is a non-extractable CryptoKey; it is null for a
 * retired key whose private half was shredded when the passphrase lock was turned on.
 */
export interface KeyRow {
  id: string;
  algorithm: 'Ed25519';
  privateKey: CryptoKey | null;
  publicKey: CryptoKey;
  /** Raw public key, base64. */
  publicKeyRaw: string;
  fingerprint: string;
  createdAt: string;
  active: boolean;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One named value of the team locker (table `locker`, v6): its settings, the queue's cursor. */
export interface LockerRow {
  id: string;
  value: unknown;
}

/** A credential kept only under the passphrase lock (table `secrets`, v6). */
export interface SecretRow {
  id: string;
  value: string;
}

export type { ArtifactRef };

/** A capture-time time-stamp request waiting for its TSA (schema v6). */
export interface StampJobRow {
  /** `<captureId> <url>`: one request per capture and TSA. */
  id: string;
  captureId: string;
  /** The capture's seal (`sha256:<hex>`): what is stamped. */
  seal: string;
  url: string;
  queuedAt: string;
  attempts: number;
  /** Not retried before this time (ISO 8601). */
  nextAt: string;
  /** The last failure, a stable code and a short English reason. */
  lastError: { code: string; reason: string } | null;
}
