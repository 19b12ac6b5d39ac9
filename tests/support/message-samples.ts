import { KNOWN_TSAS } from '../../lib/evidence/timestamp/known-tsas';

/**
 * One valid message per type, so each is tried from every context (unit router test and the
 * end-to-end message-security test), plus malformed variants the schema must refuse.
 */
export const samples = {
  ping: { type: 'ping' },
  'tab.probe': { type: 'tab.probe', tabId: 1 },
  'person.create': { type: 'person.create', person: { name: 'A' } },
  'person.update': { type: 'person.update', id: 'p', patch: { name: 'B' } },
  'person.list': { type: 'person.list' },
  'person.get': { type: 'person.get', id: 'p' },
  'case.create': { type: 'case.create', legalCase: { title: 'C' } },
  'case.update': { type: 'case.update', id: 'c', patch: { title: 'D' } },
  'case.list': { type: 'case.list' },
  'case.get': { type: 'case.get', id: 'c' },
  'link.add': { type: 'link.add', captureId: 'x', personId: 'p', caseId: null, category: 'ground' },
  'link.remove': { type: 'link.remove', id: 'l' },
  'custody.list': { type: 'custody.list' },
  'settings.get': { type: 'settings.get' },
  'settings.set': { type: 'settings.set', patch: { language: 'ru' } },
  'capture.run': { type: 'capture.run', tabId: 4 },
  'capture.get': { type: 'capture.get', id: 'cap_1' },
  'capture.list': { type: 'capture.list' },
  'capture.ofTab': { type: 'capture.ofTab', tabId: 4 },
  'artifact.thumbnail': {
    type: 'artifact.thumbnail',
    sha256: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
  },
  'capture.timeline': { type: 'capture.timeline', accountKey: 'instagram#1' },
  'artifact.get': { type: 'artifact.get', sha256: `sha256:${'a'.repeat(64)}` },
  'redaction.list': { type: 'redaction.list', captureId: 'cap_1' },
  'redaction.apply': {
    type: 'redaction.apply',
    captureId: 'cap_1',
    original: `sha256:${'a'.repeat(64)}`,
    regions: [{ x: 1, y: 2, width: 3, height: 4, label: 'me', source: 'monitor', element: null }],
  },
  'export.run': { type: 'export.run', scope: { kind: 'case', ids: ['case_1'] } },
  'key.info': { type: 'key.info' },
  'key.revocation': { type: 'key.revocation' },
  'backup.status': { type: 'backup.status' },
  'import.run': { type: 'import.run', file: 'backup.zip' },
  'vault.status': { type: 'vault.status' },
  'vault.enable': { type: 'vault.enable', passphrase: 'long enough' },
  'vault.unlock': { type: 'vault.unlock', passphrase: 'x' },
  'vault.lock': { type: 'vault.lock' },
  'vault.change': { type: 'vault.change', current: 'x', next: 'long enough' },
  'vault.disable': { type: 'vault.disable', passphrase: 'x' },
  'vault.wipe': { type: 'vault.wipe', confirm: 'WIPE' },
  'storage.info': { type: 'storage.info' },
  'capture.search': { type: 'capture.search', filters: { text: 'x' } },
  'bulletin.generate': { type: 'bulletin.generate', caseId: 'c', language: 'ru', format: 'html' },
  'recent.list': { type: 'recent.list' },
  'integrity.check': { type: 'integrity.check', full: true },
  'integrity.acknowledgeLoss': { type: 'integrity.acknowledgeLoss' },
  'tsa.test': { type: 'tsa.test', url: 'http://tsa.example/', caPem: KNOWN_TSAS[0]!.roots[0]! },
  'tsa.queue': { type: 'tsa.queue' },
  'tsa.retry': { type: 'tsa.retry' },
  'locker.get': { type: 'locker.get' },
  'locker.configure': {
    type: 'locker.configure',
    config: {
      endpoint: 'https://s3.example.org',
      bucket: 'evidence-locker',
      auth: { kind: 'presigned', serviceUrl: 'https://sign.example.org/presign' },
    },
  },
  'locker.remove': { type: 'locker.remove' },
  'locker.test': { type: 'locker.test' },
  'locker.status': { type: 'locker.status' },
  'locker.retry': { type: 'locker.retry' },
  'locker.pushAll': { type: 'locker.pushAll' },
  'locker.wipePreview': { type: 'locker.wipePreview' },
  'locker.wipeDeposited': { type: 'locker.wipeDeposited', confirm: 'WIPE' },
  'locker.readerGet': { type: 'locker.readerGet' },
  'locker.readerConfigure': {
    type: 'locker.readerConfigure',
    config: {
      endpoint: 'https://s3.example.org',
      bucket: 'evidence-locker',
      accessKeyId: 'AKREADER',
    },
  },
  'locker.readerRemove': { type: 'locker.readerRemove' },
  'locker.readerList': { type: 'locker.readerList' },
  'locker.readerFetch': {
    type: 'locker.readerFetch',
    key: 'dalel/3f2a-9c01-0b1c-2d3e-4f50-6172-8394-a5b6/2026-12-03/0123456789abcdef0123456789abcdef.zip',
  },
  'locker.readerDiscard': { type: 'locker.readerDiscard', file: 'pulled-0123abcd.zip' },
} as const;

export type SampleType = keyof typeof samples;

/** Variants of a valid message that the protocol must reject with `invalid_message`. */
export function malformed(sample: Record<string, unknown>): Record<string, unknown>[] {
  const variants: Record<string, unknown>[] = [
    { ...sample, unexpected: 1 },
    { ...sample, type: `${String(sample.type)}x` },
  ];
  for (const [key, value] of Object.entries(sample)) {
    if (key === 'type') continue;
    const { [key]: _dropped, ...without } = sample;
    variants.push(without);
    variants.push({ ...sample, [key]: typeof value === 'number' ? 'not a number' : 17 });
  }
  return variants;
}
