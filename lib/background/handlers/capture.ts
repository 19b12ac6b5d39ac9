import type { CaptureOptions } from '../capture/capture-options';
import { accountTimeline } from '../../capture/timeline';
import { ARTIFACT_GET_MAX } from '../../messaging/messages/capture';
import { ProtocolError, type Handlers } from '../../messaging/router';
import type { Capture } from '../../model/capture';
import type { Store } from '../../store/store';
import { base64Of } from '../capture/bytes';
import type { TabCaptureStatus } from '../capture/tab-captures';
import { redactArtifact } from '../capture/redactions';

/** Runs one capture of a tab to the end (sealed and stored) or throws; see capture/runner.ts. */
export interface CapturePorts {
  runCapture(tabId: number, options?: CaptureOptions): Promise<Capture>;
  /** The newest capture sealed in a tab and the one running there (capture/tab-captures.ts). */
  tabCaptureStatus(tabId: number): Promise<TabCaptureStatus>;
  /** A small JPEG of an image artifact (background/thumbnails.ts); absent in Node tests. */
  thumbnail?(sha256: string, open: (sha256: string) => Promise<Blob>): Promise<Uint8Array>;
}

/** Handlers of the capture messages (take, read back, timeline, artifact bytes). */
export function captureHandlers(store: Store, ports: CapturePorts) {
  return {
    'capture.run': async ({ tabId, scope }) => {
      const capture = await ports.runCapture(tabId, scope ? { scope } : undefined);
      return { id: capture.id, seal: capture.seal };
    },
    'capture.get': async ({ id }) => {
      const capture = await store.captures.get(id);
      if (!capture) throw new ProtocolError('not_found', `capture ${id} not found`);
      const [links, custody] = await Promise.all([
        store.links.forCapture(id),
        store.custody.concerning([id]),
      ]);
      return { capture, links, custody };
    },
    'capture.list': async () => store.captures.list(),
    'capture.ofTab': async ({ tabId }) => {
      const status = await ports.tabCaptureStatus(tabId);
      // A capture deleted or lost since (a wipe, an import into a new archive) is not offered.
      if (status.latest && !(await store.captures.get(status.latest.captureId)))
        return { ...status, latest: null };
      return status;
    },
    'capture.timeline': async ({ accountKey }) =>
      accountTimeline(await store.captures.byAccount(accountKey)),
    'artifact.thumbnail': async ({ sha256 }) => {
      const row = await store.artifacts.get(sha256);
      if (!row || !row.mediaType.startsWith('image/'))
        throw new ProtocolError('not_found', `image ${sha256} not found`);
      if (!ports.thumbnail) throw new ProtocolError('failed', 'no thumbnails here');
      const bytes = await ports.thumbnail(sha256, (ref) => store.artifacts.blob(ref));
      return { mediaType: 'image/jpeg' as const, base64: base64Of(bytes) };
    },
    'redaction.list': async ({ captureId }) => {
      const all = await store.redactions.forCapture(captureId);
      const current = [...(await store.redactions.current(captureId)).values()].map((r) => r.id);
      return { redactions: all, current };
    },
    'redaction.apply': async ({ captureId, original, regions }) => {
      const capture = await store.captures.get(captureId);
      if (!capture) throw new ProtocolError('not_found', `capture ${captureId} not found`);
      const ref = capture.artifacts.find((a) => a.sha256 === original);
      if (!ref) throw new ProtocolError('not_found', `capture ${captureId} has no ${original}`);
      const previous = (await store.redactions.current(captureId)).get(original) ?? null;
      return redactArtifact(store, capture, ref, regions, previous?.id ?? null);
    },
    'artifact.get': async ({ sha256 }) => {
      const row = await store.artifacts.get(sha256);
      if (!row) throw new ProtocolError('not_found', `artifact ${sha256} not found`);
      if (row.size > ARTIFACT_GET_MAX)
        throw new ProtocolError(
          'failed',
          `artifact ${sha256} is ${Math.round(row.size / 1024 / 1024)} MB, over the ${ARTIFACT_GET_MAX / 1024 / 1024} MB that can be shown; export it in a package instead`,
        );
      // Through the repository: under the passphrase lock the stored blob is ciphertext.
      const bytes = new Uint8Array(await (await store.artifacts.blob(sha256)).arrayBuffer());
      return { mediaType: row.mediaType, size: row.size, base64: base64Of(bytes) };
    },
  } satisfies Partial<Handlers>;
}
