import {
  array,
  count,
  datetime,
  fingerprint,
  literal,
  nullable,
  object,
  oneOf,
  optional,
  sha256Ref,
  string,
  type Infer,
} from './shape';

/** Only SHA-256 is accepted, whatever a package claims (integrity.md P5). */
export const hashShape = sha256Ref;

/** Version 2: custody proven by an RFC 6962 Merkle multi-proof instead of the whole log's hashes. */
export const PACKAGE_FORMAT = 'dalel-package/2';

/** Why a file of the evidence is left out of a package. */
export const WITHHELD_REASONS = ['viewer_identity'] as const;

export const checkpointShape = object({ size: count, head: hashShape, root: hashShape });

export const manifestFileShape = object({
  path: string(),
  sha256: hashShape,
  size: count,
  mediaType: string(),
});
export type ManifestFile = Infer<typeof manifestFileShape>;

/**
 * A file of the evidence that the package deliberately does not carry: its hash and size are
 * listed (and signed), so the original can be produced later — under a court's order — and
 * checked against this entry; the verifier reports it as "withheld", never as missing.
 */
export const withheldFileShape = object({
  path: string(),
  sha256: hashShape,
  size: count,
  mediaType: string(),
  /** Why: `viewer_identity` (it shows the monitor's own account; a redacted copy is included). */
  reason: oneOf(WITHHELD_REASONS),
  /** The redacted copy standing in for it, when there is one. */
  redactedCopy: nullable(string()),
});
export type WithheldFile = Infer<typeof withheldFileShape>;

const item = { id: string(), path: string() };

export const SCOPE_KINDS = ['case', 'person', 'selection', 'all'] as const;

/** manifest.json: everything in the package, hashed, and what it is about. */
export const manifestShape = object({
  format: literal(PACKAGE_FORMAT),
  packageId: string({ pattern: /^[0-9a-f]{32}$/, name: 'package id' }),
  created: datetime,
  tool: object({ name: string(), version: string() }),
  algorithms: object({
    hash: literal('sha256'),
    signature: literal('Ed25519'),
    canonicalJson: literal('RFC8785'),
  }),
  signer: object({ fingerprint }),
  scope: object({ kind: oneOf(SCOPE_KINDS), ids: array(string()) }),
  contents: object({
    cases: array(object(item)),
    persons: array(object(item)),
    links: array(object(item)),
    captures: array(object({ ...item, url: string(), sealedAt: datetime, seal: hashShape })),
    /** Redacted working copies (records/redactions/<id>.json); absent when there are none. */
    redactions: optional(array(object(item))),
  }),
  custody: object({
    events: string(),
    proof: string(),
    disclosed: count,
    checkpoint: checkpointShape,
  }),
  files: array(manifestFileShape),
  /** Files of the evidence left out on purpose, hash listed (absent when none are). */
  withheld: optional(array(withheldFileShape)),
});
export type Manifest = Infer<typeof manifestShape>;

/** Names of the files outside the manifest: the signature over it. */
export const LAYOUT = {
  manifest: 'manifest.json',
  statement: 'statement.json',
  signature: 'statement.sig',
  publicKey: 'signer.pem',
  sums: 'SHA256SUMS',
  readme: 'README.txt',
  report: 'report.html',
  reportPdf: 'report.pdf',
  verifier: 'verify.html',
  events: 'custody/events.jsonl',
  proof: 'custody/proof.json',
} as const;

export const UNLISTED: readonly string[] = [
  LAYOUT.manifest,
  LAYOUT.statement,
  LAYOUT.signature,
  LAYOUT.publicKey,
];

/** Record and artifact paths: ids are checked to be path-safe before they are used. */
export const paths = {
  capture: (id: string) => `captures/${id}/capture.json`,
  artifact: (id: string, name: string) => `captures/${id}/${name}`,
  case: (id: string) => `records/cases/${id}.json`,
  person: (id: string) => `records/persons/${id}.json`,
  link: (id: string) => `records/links/${id}.json`,
  redaction: (id: string) => `records/redactions/${id}.json`,
};
