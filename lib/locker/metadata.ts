/**
 * What the bucket says about a package without downloading it: S3 user metadata
 * (`x-amz-meta-dalel-*`), written with the upload and covered by its signature. Values must be
 * ASCII, so the cases list is percent-encoded JSON; AWS caps all user metadata at 2 KB, so it
 * is cut to whole entries. The package itself stays the only evidence: the pull side verifies it.
 */
export interface PackageFacts {
  packageId: string;
  /** When the package was signed (its statement's `created`). */
  created: string;
  /** The signer's key fingerprint. */
  signer: string;
  /** SHA-256 of the whole package file, hex. */
  sha256: string;
  /** One capture pushed when sealed, or an export from the dashboard. */
  kind: 'capture' | 'export';
  captures: number;
  cases: { id: string; title: string }[];
}

const PREFIX = 'x-amz-meta-dalel-';
const CASES_BUDGET = 1200;

export function metadataHeaders(facts: PackageFacts): Record<string, string> {
  const cases: PackageFacts['cases'] = [];
  let encoded = encodeURIComponent('[]');
  for (const c of facts.cases) {
    const next = encodeURIComponent(JSON.stringify([...cases, c]));
    if (next.length > CASES_BUDGET) break;
    cases.push(c);
    encoded = next;
  }
  return {
    [`${PREFIX}package`]: facts.packageId,
    [`${PREFIX}created`]: facts.created,
    [`${PREFIX}signer`]: facts.signer,
    [`${PREFIX}sha256`]: facts.sha256,
    [`${PREFIX}kind`]: facts.kind,
    [`${PREFIX}captures`]: String(facts.captures),
    [`${PREFIX}cases`]: encoded,
  };
}

/** The facts back from a HEAD/GET response's headers; null fields where absent or malformed. */
export function factsFromHeaders(headers: Headers): Partial<PackageFacts> {
  const get = (name: string) => headers.get(`${PREFIX}${name}`) ?? undefined;
  let cases: PackageFacts['cases'] | undefined;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(get('cases') ?? ''));
    if (Array.isArray(parsed))
      cases = parsed
        .filter(
          (c): c is { id: string; title: string } =>
            typeof c?.id === 'string' && typeof c?.title === 'string',
        )
        .map((c) => ({ id: c.id, title: c.title }));
  } catch {
    cases = undefined;
  }
  const kind = get('kind');
  const captures = Number(get('captures'));
  return {
    packageId: get('package'),
    created: get('created'),
    signer: get('signer'),
    sha256: get('sha256'),
    kind: kind === 'capture' || kind === 'export' ? kind : undefined,
    captures: Number.isInteger(captures) ? captures : undefined,
    cases,
  };
}
