import { z } from 'zod';

/** Only SHA-256 is accepted, whatever a package claims (integrity.md P5). */
export const hashSchema = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, 'hash algorithm not allowed: only sha256:<64 lower-case hex>');

/** Version 2: custody proven by an RFC 6962 Merkle multi-proof instead of the whole log's hashes. */
export const PACKAGE_FORMAT = 'dalel-package/2';

export const checkpointSchema = z
  .object({ size: z.number().int().nonnegative(), head: hashSchema, root: hashSchema })
  .strict();

export const manifestFileSchema = z
  .object({
    path: z.string(),
    sha256: hashSchema,
    size: z.number().int().nonnegative(),
    mediaType: z.string(),
  })
  .strict();
export type ManifestFile = z.infer<typeof manifestFileSchema>;

const itemSchema = z.object({ id: z.string(), path: z.string() }).strict();

export const SCOPE_KINDS = ['case', 'person', 'selection', 'all'] as const;

/** manifest.json: everything in the package, hashed, and what it is about. */
export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    created: z.iso.datetime(),
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
    algorithms: z
      .object({
        hash: z.literal('sha256'),
        signature: z.literal('Ed25519'),
        canonicalJson: z.literal('RFC8785'),
      })
      .strict(),
    signer: z.object({ fingerprint: z.string() }).strict(),
    scope: z.object({ kind: z.enum(SCOPE_KINDS), ids: z.array(z.string()) }).strict(),
    contents: z
      .object({
        cases: z.array(itemSchema),
        persons: z.array(itemSchema),
        links: z.array(itemSchema),
        captures: z.array(
          itemSchema
            .extend({ url: z.string(), sealedAt: z.iso.datetime(), seal: hashSchema })
            .strict(),
        ),
      })
      .strict(),
    custody: z
      .object({
        events: z.string(),
        proof: z.string(),
        disclosed: z.number().int().nonnegative(),
        checkpoint: checkpointSchema,
      })
      .strict(),
    files: z.array(manifestFileSchema),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

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
};
