import type { Redaction } from '../model/redaction';
import { paths, type WithheldFile } from './manifest';
import type { PackageInput } from './package-input';

/**
 * Which originals a package leaves out to protect the monitor: with `withholdRedactedOriginals`,
 * every artifact that has a redacted copy in the package, and the MHTML of any such capture (the
 * browser's own archive of the page cannot be redacted). Keyed by package path.
 */
export function withheldFiles(input: PackageInput): Map<string, WithheldFile> {
  const out = new Map<string, WithheldFile>();
  if (!input.withholdRedactedOriginals) return out;
  const byOriginal = new Map<string, Redaction>();
  for (const r of input.redactions ?? []) byOriginal.set(`${r.captureId} ${r.original.sha256}`, r);
  for (const capture of input.captures) {
    const redacted = (input.redactions ?? []).some((r) => r.captureId === capture.id);
    for (const a of capture.artifacts) {
      const copy = byOriginal.get(`${capture.id} ${a.sha256}`);
      if (!copy && !(redacted && a.role === 'mhtml')) continue;
      const path = paths.artifact(capture.id, a.name);
      out.set(path, {
        path,
        sha256: a.sha256,
        size: a.size,
        mediaType: a.mediaType,
        reason: 'viewer_identity',
        redactedCopy: copy ? paths.artifact(capture.id, copy.derived.name) : null,
      });
    }
  }
  return out;
}
