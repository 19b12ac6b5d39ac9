// Builds a PackageInput from the fictional sample data, the way the extension's export service
// does from the store: sealed captures with hashed artifacts, links, and a custody log.
import type { ArtifactRef, Capture } from '../model/capture';
import type { CustodyEvent } from '../model/custody';
import type { Link } from '../model/link';
import { canonicalBytes } from '../evidence/canonical-json';
import { appendEvent, type CustodyDraft } from '../evidence/custody';
import { discloseFromLog } from '../evidence/custody-disclosure';
import type { PackageInput } from '../evidence/package-input';
import { captureSeal } from '../evidence/seal';
import { sha256RefOf } from '../evidence/sha256';
import type { Signer } from '../evidence/signing';
import { fakeScreenshot } from './png';
import { SAMPLE_TIME, sampleCases, samplePersons, sampleRecords } from './sample-data';

export interface DemoStore {
  captures: Capture[];
  links: Link[];
  log: CustodyEvent[];
  blobs: Map<string, Uint8Array>;
}

const minute = (n: number): string => new Date(Date.parse(SAMPLE_TIME) + n * 60_000).toISOString();

async function artifact(
  blobs: Map<string, Uint8Array>,
  name: string,
  role: ArtifactRef['role'],
  mediaType: string,
  bytes: Uint8Array,
  sourceUrl: string | null = null,
): Promise<ArtifactRef> {
  const sha256 = await sha256RefOf(bytes);
  blobs.set(sha256, bytes);
  return { name, role, mediaType, size: bytes.length, sha256, sourceUrl };
}

function snapshotHtml(title: string, url: string, body: string): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><base href="${url}"></head><body><h1>${title}</h1><p>${body}</p></body></html>\n`,
  );
}

/** The sample captures, links and custody log, as a store would hold them. */
export async function buildDemoStore(actor: string): Promise<DemoStore> {
  const blobs = new Map<string, Uint8Array>();
  const captures: Capture[] = [];
  const links: Link[] = [];
  const log: CustodyEvent[] = [];
  const append = async (draft: CustodyDraft): Promise<void> => {
    log.push(await appendEvent(draft, log[log.length - 1] ?? null));
  };
  await append({
    at: minute(0),
    actor,
    type: 'key_created',
    subject: { kind: 'key', id: actor },
    data: {},
  });
  await append({
    at: minute(1),
    actor,
    type: 'person_created',
    subject: { kind: 'person', id: samplePersons[0]!.id },
    data: {},
  });
  await append({
    at: minute(2),
    actor,
    type: 'case_created',
    subject: { kind: 'case', id: sampleCases[0]!.id },
    data: {},
  });
  for (const [i, sample] of sampleRecords.entries()) {
    const at = minute(10 + i * 5);
    const text =
      sample.record.post?.text ?? sample.record.notice?.message ?? sample.record.account?.bio ?? '';
    const artifacts = [
      await artifact(
        blobs,
        'screenshot-viewport.png',
        'screenshot',
        'image/png',
        fakeScreenshot(i),
      ),
      await artifact(
        blobs,
        'page.html',
        'snapshot_html',
        'text/html',
        snapshotHtml(sample.title, sample.record.url, text),
      ),
      await artifact(
        blobs,
        'record.json',
        'record',
        'application/json',
        canonicalBytes(sample.record),
      ),
    ];
    const unsealed: Omit<Capture, 'seal'> = {
      id: sample.id,
      url: sample.record.url,
      platform: sample.record.platform,
      kind: sample.record.kind,
      accountKey: `${sample.record.platform}:4815162342`,
      sealedAt: at,
      metadata: {
        requestedUrl: sample.record.url,
        finalUrl: sample.record.url,
        title: sample.title,
        startedAt: at,
        endedAt: at,
        timeZone: 'Asia/Almaty',
        serverDate: new Date(Date.parse(at)).toUTCString(),
        userAgent: 'Mozilla/5.0 (demo)',
        browser: 'Chromium (demo)',
        extensionVersion: '0.1.0',
        extractor: sample.record.extractor,
        viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
        language: 'ru',
        omissions: [],
      },
      record: sample.record,
      artifacts,
      previousCaptureIds: [],
      warnings: [],
    };
    const capture: Capture = { ...unsealed, seal: await captureSeal(unsealed) };
    captures.push(capture);
    await append({
      at,
      actor,
      type: 'captured',
      subject: { kind: 'capture', id: capture.id },
      data: { seal: capture.seal, url: capture.url, artifacts: capture.artifacts.length },
    });
    const link: Link = {
      id: `lnk_demo000${i + 1}`,
      captureId: capture.id,
      personId: samplePersons[0]!.id,
      caseId: sampleCases[0]!.id,
      category: sample.category,
      note: sample.title,
      createdAt: minute(11 + i * 5),
    };
    links.push(link);
    await append({
      at: link.createdAt,
      actor,
      type: 'tagged',
      subject: { kind: 'capture', id: capture.id },
      data: {
        linkId: link.id,
        personId: link.personId,
        caseId: link.caseId,
        category: link.category,
        note: link.note,
      },
    });
  }
  return { captures, links, log, blobs };
}

/** A PackageInput for the whole demo case, signed by `signer`. */
export async function buildDemoInput(
  signer: Signer,
  now: Date,
  tool = { name: 'dalel', version: '0.1.0' },
): Promise<PackageInput> {
  const store = await buildDemoStore(signer.fingerprint);
  const included = new Set([
    ...store.captures.map((c) => c.id),
    ...store.links.map((l) => l.id),
    samplePersons[0]!.id,
    sampleCases[0]!.id,
  ]);
  return {
    scope: { kind: 'case', ids: [sampleCases[0]!.id] },
    cases: sampleCases,
    persons: samplePersons,
    links: store.links,
    captures: store.captures,
    custody: await disclosed(
      store.log,
      store.log.filter((e) => included.has(e.subject.id) || e.subject.kind === 'key'),
    ),
    openArtifact: async (sha256) => {
      const bytes = store.blobs.get(sha256);
      if (!bytes) throw new Error(`demo store: no artifact ${sha256}`);
      return new Blob([bytes as Uint8Array<ArrayBuffer>]);
    },
    signer,
    tool,
    now,
  };
}

async function disclosed(log: CustodyEvent[], events: CustodyEvent[]) {
  return { events, ...(await discloseFromLog(log, events)) };
}

/**
 * A PackageInput of captures shaped like the first demo capture, each holding only the given
 * artifacts (read through `openArtifact`), with a `captured` custody event each: large or many
 * synthetic artifacts for boundary tests and benchmarks, through the export's own input shape.
 */
export async function demoSelectionInput(
  signer: Signer,
  now: Date,
  captures: readonly { id: string; artifacts: ArtifactRef[] }[],
  openArtifact: PackageInput['openArtifact'],
): Promise<PackageInput> {
  const demo = await buildDemoInput(signer, now);
  const template = demo.captures[0]!;
  const sealed: Capture[] = [];
  const log: CustodyEvent[] = [];
  for (const { id, artifacts } of captures) {
    const unsealed = { ...template, id, artifacts };
    const capture = { ...unsealed, seal: await captureSeal(unsealed) };
    sealed.push(capture);
    const draft: CustodyDraft = {
      at: capture.sealedAt,
      actor: signer.fingerprint,
      type: 'captured',
      subject: { kind: 'capture', id },
      data: { seal: capture.seal, url: capture.url, artifacts: capture.artifacts.length },
    };
    log.push(await appendEvent(draft, log[log.length - 1] ?? null));
  }
  return {
    ...demo,
    scope: { kind: 'selection', ids: sealed.map((c) => c.id) },
    links: [],
    captures: sealed,
    custody: await disclosed(log, log),
    openArtifact,
  };
}
