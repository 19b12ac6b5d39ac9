import { createHash } from 'node:crypto';
import type { Capture } from '../../../lib/model/capture';
import type { ArtifactBytes } from '../../../lib/store/repositories/captures-repo';

export function sha256Of(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A small sealed capture with two artifacts, for store tests (the seal is not recomputed here). */
export function sampleCapture(id: string, overrides: Partial<Capture> = {}) {
  const html = new TextEncoder().encode(`<html><body>${id}</body></html>`);
  const png = new Uint8Array([
    137,
    80,
    78,
    71,
    13,
    10,
    26,
    10,
    ...id.split('').map((c) => c.charCodeAt(0)),
  ]);
  const artifacts: ArtifactBytes[] = [
    { sha256: sha256Of(html), blob: new Blob([html]), mediaType: 'text/html' },
    { sha256: sha256Of(png), blob: new Blob([png]), mediaType: 'image/png' },
  ];
  const url = 'https://www.instagram.com/p/CPeC-Eenc8l/';
  const capture: Capture = {
    id,
    url,
    platform: 'instagram',
    kind: 'post',
    accountKey: 'instagram:willyrex',
    sealedAt: '2026-05-01T10:00:05.000Z',
    metadata: {
      requestedUrl: url,
      finalUrl: url,
      title: 'Instagram',
      startedAt: '2026-05-01T10:00:00.000Z',
      endedAt: '2026-05-01T10:00:05.000Z',
      timeZone: 'Asia/Almaty',
      serverDate: null,
      userAgent: 'test',
      browser: 'Chromium 156',
      extensionVersion: '0.1.0',
      extractor: { name: 'instagram', version: '1.0.0' },
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
      language: 'ru',
      omissions: [],
    },
    record: {
      platform: 'instagram',
      kind: 'post',
      url,
      canonicalUrl: url,
      warnings: [],
      extractor: { name: 'instagram', version: '1.0.0' },
    },
    artifacts: [
      {
        name: 'page.html',
        role: 'snapshot_html',
        mediaType: 'text/html',
        size: html.length,
        sha256: artifacts[0]!.sha256,
        sourceUrl: null,
      },
      {
        name: 'screenshot-viewport.png',
        role: 'screenshot',
        mediaType: 'image/png',
        size: png.length,
        sha256: artifacts[1]!.sha256,
        sourceUrl: null,
      },
    ],
    previousCaptureIds: [],
    seal: `sha256:${'a'.repeat(64)}`,
    warnings: [],
    ...overrides,
  };
  return { capture, artifacts };
}
