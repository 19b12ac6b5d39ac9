// A sealed redaction record and its redacted copy, as the dashboard makes them: opaque boxes over
// the account menu of one original; the n-th supersedes the one before.
import { redactionSeal } from '../../../lib/evidence/redaction-seal';
import { sha256RefOf } from '../../../lib/evidence/sha256';
import type { Redaction } from '../../../lib/model/redaction';

export async function sealedRedaction(
  captureId: string,
  original: { name: string; sha256: string },
  n = 1,
) {
  const copy = new TextEncoder().encode(`a redacted PNG ${n}`);
  const unsealed = {
    id: `red_${String(n).padStart(24, '0')}`,
    captureId,
    createdAt: `2026-05-0${n}T00:00:00.000Z`,
    original,
    derived: {
      name: `redacted/copy-${n}.png`,
      sha256: await sha256RefOf(copy),
      size: copy.length,
      mediaType: 'image/png',
    },
    method: 'opaque boxes',
    regions: [
      {
        x: 1,
        y: 1,
        width: 10,
        height: 10,
        label: 'account menu',
        source: 'monitor' as const,
        element: null,
      },
    ],
    supersedes: n > 1 ? `red_${String(n - 1).padStart(24, '0')}` : null,
  };
  const sealed: Redaction = { ...unsealed, seal: await redactionSeal(unsealed) };
  return { redaction: sealed, bytes: new Blob([copy]) };
}
