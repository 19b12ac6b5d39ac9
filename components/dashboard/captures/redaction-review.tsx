import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import type { ArtifactRef, Capture } from '../../../lib/model/capture';
import type { Redaction, RedactionRegion } from '../../../lib/model/redaction';
import { artifactUrl } from '../../capture-api';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { errorText, useLoad } from '../../ui/use-request';

type Box = RedactionRegion;

/** A screenshot with its boxes drawn over it; drag on it to add one. */
function BoxEditor({
  artifact,
  boxes,
  onChange,
}: {
  artifact: ArtifactRef;
  boxes: Box[];
  onChange: (boxes: Box[]) => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const img = useRef<HTMLImageElement>(null);
  useEffect(() => {
    let made: string | null = null;
    artifactUrl(artifact.sha256)
      .then((u) => setUrl((made = u)))
      .catch(() => setUrl(null));
    return () => void (made && URL.revokeObjectURL(made));
  }, [artifact.sha256]);
  // Pointer position in the image's own pixels.
  const at = (e: MouseEvent) => {
    const r = img.current!.getBoundingClientRect();
    const k = (size?.w ?? r.width) / r.width;
    return { x: Math.max(0, (e.clientX - r.left) * k), y: Math.max(0, (e.clientY - r.top) * k) };
  };
  // The drag lives in a ref too: pointer events arrive faster than renders.
  const live = useRef<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const move = (next: typeof live.current) => {
    live.current = next;
    setDrag(next);
  };
  const done = () => {
    const d = live.current;
    move(null);
    if (!d) return;
    const x = Math.round(Math.min(d.x0, d.x1));
    const y = Math.round(Math.min(d.y0, d.y1));
    const width = Math.round(Math.abs(d.x1 - d.x0));
    const height = Math.round(Math.abs(d.y1 - d.y0));
    if (width >= 4 && height >= 4)
      onChange([
        ...boxes,
        { x, y, width, height, label: t('redactionAdded'), source: 'monitor', element: null },
      ]);
  };
  const shown = drag
    ? [
        ...boxes,
        {
          x: Math.min(drag.x0, drag.x1),
          y: Math.min(drag.y0, drag.y1),
          width: Math.abs(drag.x1 - drag.x0),
          height: Math.abs(drag.y1 - drag.y0),
        },
      ]
    : boxes;
  if (!url) return <p class="muted">…</p>;
  return (
    <div>
      <div class="redaction-canvas" data-testid={`redaction-editor-${artifact.role}`}>
        <img
          ref={img}
          src={url}
          alt={artifact.name}
          draggable={false}
          onLoad={(e) => {
            const el = e.currentTarget as HTMLImageElement;
            setSize({ w: el.naturalWidth, h: el.naturalHeight });
          }}
          onMouseDown={(e) => {
            e.preventDefault();
            const p = at(e);
            move({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
          }}
          onMouseMove={(e) => {
            if (live.current) move({ ...live.current, x1: at(e).x, y1: at(e).y });
          }}
          onMouseUp={done}
          onMouseLeave={done}
        />
        {size && (
          <svg viewBox={`0 0 ${size.w} ${size.h}`} aria-hidden="true" preserveAspectRatio="none">
            {shown.map((b, i) => (
              <rect key={i} x={b.x} y={b.y} width={b.width} height={b.height} />
            ))}
          </svg>
        )}
      </div>
      <ul class="redaction-boxes">
        {boxes.map((b, i) => (
          <li key={i}>
            {i + 1}. {b.label} ({b.width}×{b.height} @ {b.x},{b.y}){' '}
            <button
              type="button"
              class="link"
              onClick={() => onChange(boxes.filter((_, j) => j !== i))}
            >
              {t('redactionRemove', i + 1)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Capturer protection in the capture's page: the regions covering the monitor's own account, shown
 * over each original screenshot, adjustable before export; the snapshot's marked elements can be
 * kept or released. Saving makes a new redacted copy that supersedes the last.
 */
export function RedactionReview({ capture }: { capture: Capture }) {
  const { t } = useI18n();
  const data = useLoad(() => request('redaction.list', { captureId: capture.id }), [capture.id]);
  const [edits, setEdits] = useState<Record<string, Box[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!data.data) return <ErrorBanner error={data.error} />;
  const all: Redaction[] = data.data.redactions;
  const current = new Map(
    all.filter((r) => data.data!.current.includes(r.id)).map((r) => [r.original.sha256, r]),
  );
  const shots = capture.artifacts.filter(
    (a) => a.role === 'screenshot' || a.role === 'screenshot_full',
  );
  const html = capture.artifacts.find((a) => a.role === 'snapshot_html');
  // Every element the detector marked (from the first redaction of the snapshot).
  const marked = html ? (all.find((r) => r.original.sha256 === html.sha256)?.regions ?? []) : [];
  const boxesOf = (a: ArtifactRef) => edits[a.sha256] ?? current.get(a.sha256)?.regions ?? [];
  const changed = Object.keys(edits);

  const save = async () => {
    try {
      for (const sha of changed)
        await request('redaction.apply', {
          captureId: capture.id,
          original: sha,
          regions: edits[sha]!,
        });
      setEdits({});
      setSaved(true);
      data.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section aria-labelledby="redaction-heading" data-testid="redaction-review">
      <h2 id="redaction-heading">{t('redactionTitle')}</h2>
      <p class="muted">{current.size ? t('redactionExplain') : t('redactionNone')}</p>
      {shots.map((a) => (
        <BoxEditor
          key={a.sha256}
          artifact={a}
          boxes={boxesOf(a)}
          onChange={(boxes) => (setSaved(false), setEdits({ ...edits, [a.sha256]: boxes }))}
        />
      ))}
      {html &&
        marked.map((m) => {
          const on = boxesOf(html).some((b) => b.element === m.element);
          return (
            <label key={m.element} class="check">
              <input
                type="checkbox"
                checked={on}
                onChange={() =>
                  setEdits({
                    ...edits,
                    [html.sha256]: on
                      ? boxesOf(html).filter((b) => b.element !== m.element)
                      : [...boxesOf(html), m],
                  })
                }
              />{' '}
              {t('redactionElement', m.label)}
            </label>
          );
        })}
      <ErrorBanner error={error} />
      {saved && (
        <p class="ok" role="status">
          {t('redactionSaved')}
        </p>
      )}
      <button type="button" disabled={changed.length === 0} onClick={() => void save()}>
        {t('redactionSave')}
      </button>
    </section>
  );
}
