// TEMPORARY adapter: hashing and RFC 8785 canonical JSON until lib/evidence lands on main. Swapping
// to lib/evidence (`sha256RefOf`, `sha256OfBlob`, `canonicalize`) is a change to this file only.

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `sha256:<hex>` of exactly these bytes. */
export async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return `sha256:${hex(new Uint8Array(digest))}`;
}

/** `sha256:<hex>` of a Blob's bytes. */
export async function sha256Blob(blob: Blob): Promise<string> {
  return sha256Bytes(new Uint8Array(await blob.arrayBuffer()));
}

function canonical(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical JSON: ${path} is not finite`);
      return JSON.stringify(value); // ES number serialisation is what RFC 8785 prescribes
    case 'string':
      if (/\p{Surrogate}/u.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))
        throw new Error(`canonical JSON: ${path} has a lone surrogate`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v, i) => canonical(v, `${path}[${i}]`)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>);
      // RFC 8785 sorts keys by UTF-16 code units, which is what the default sort compares.
      const keys = entries.map(([k]) => k).sort();
      const obj = value as Record<string, unknown>;
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      // `undefined` would be silently dropped by JSON.stringify: refuse it instead.
      throw new Error(`canonical JSON: ${path} is ${typeof value}`);
  }
}

/** RFC 8785 (JCS) canonical JSON text of a value; throws on values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  return canonical(value, '$');
}
