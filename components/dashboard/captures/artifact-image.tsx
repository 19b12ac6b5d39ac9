import { useEffect, useState } from 'preact/hooks';
import type { ArtifactRef } from '../../../lib/model/capture';
import { isActiveMediaType } from '../../../lib/capture/naming';
import { artifactUrl } from '../../capture-api';

/**
 * An image artifact, loaded from the store as a blob URL (revoked when it leaves the screen).
 * Shown in `<img>` only, where an SVG's scripts never run; a link opens raster images in a tab,
 * never active content (a blob URL made here would run an SVG's script in the extension's origin).
 */
export function ArtifactImage({ artifact, alt }: { artifact: ArtifactRef; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | null = null;
    artifactUrl(artifact.sha256)
      .then((u) => setUrl((made = u)))
      .catch(() => setFailed(true));
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [artifact.sha256]);
  if (failed) return <span class="muted">{artifact.name}</span>;
  if (!url) return <span class="muted">…</span>;
  if (isActiveMediaType(artifact.mediaType))
    return <img class="shot" src={url} alt={alt} loading="lazy" data-active-content="" />;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      <img class="shot" src={url} alt={alt} loading="lazy" />
    </a>
  );
}
