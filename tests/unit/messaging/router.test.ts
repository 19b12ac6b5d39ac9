import { describe, expect, it } from 'vitest';
import { createRouter, ProtocolError, type Handlers } from '../../../lib/messaging/router';
import { ACCESS, requestSchema } from '../../../lib/messaging/protocol';

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const extensionPage = { id: self.id, url: `${self.origin}/dashboard.html`, tab: { id: 3 } };
const contentScript = { id: self.id, url: 'https://www.instagram.com/p/x/', tab: { id: 7 } };
const otherExtension = {
  id: 'ponmlkjihgfedcbaponmlkjihgfedcba',
  url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/x.html',
};

const calls: string[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, type: string) => async () => {
    calls.push(type);
    if (type === 'person.get') throw new ProtocolError('not_found', 'person x not found');
    if (type === 'case.get')
      throw Object.assign(new Error('disk full'), { name: 'StoreFullError' });
    if (type === 'case.list') throw new Error('boom');
    return { handled: type };
  },
});
const route = createRouter(handlers, self);

describe('message router', () => {
  it('answers a valid message from an extension page', async () => {
    expect(await route({ type: 'person.list' }, extensionPage)).toEqual({
      ok: true,
      data: { handled: 'person.list' },
    });
  });

  it('refuses every privileged message from a content script or web page context', async () => {
    const privileged = Object.entries(ACCESS).filter(([, a]) => a === 'extension-page');
    expect(privileged.length).toBeGreaterThan(5);
    for (const [type] of privileged) {
      calls.length = 0;
      const sample = samples[type as keyof typeof samples];
      expect(sample, `a sample message for ${type}`).toBeDefined();
      const answer = await route(sample, contentScript);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toEqual([]);
    }
  });

  it('refuses messages from other extensions, even harmless ones', async () => {
    expect(await route({ type: 'ping' }, otherExtension)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('lets any context of the extension ping', async () => {
    expect(await route({ type: 'ping' }, contentScript)).toMatchObject({ ok: true });
  });

  it('rejects unknown types, extra fields and wrong payloads, naming the field', async () => {
    expect(await route({ type: 'nope' }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(await route({ type: 'person.list', x: 1 }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    const bad = await route({ type: 'person.get', id: 5 }, extensionPage);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(!bad.ok && bad.error.message).toMatch(/id/);
    expect(await route(null, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
  });

  it('turns handler failures into answers with codes', async () => {
    expect(await route({ type: 'person.get', id: 'x' }, extensionPage)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'person x not found' },
    });
    expect(await route({ type: 'case.get', id: 'x' }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'storage_full' },
    });
    expect(await route({ type: 'case.list' }, extensionPage)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'boom' },
    });
  });

  it('has an access rule for every message type', () => {
    const types = requestSchema.options.map((o) => o.shape.type.value);
    expect(Object.keys(ACCESS).sort()).toEqual([...types].sort());
  });
});

/** One valid message per type, so each privileged type is tried from the wrong context. */
const samples = {
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
  'capture.search': { type: 'capture.search', filters: { text: 'x' } },
  'bulletin.generate': { type: 'bulletin.generate', caseId: 'c', language: 'ru', format: 'html' },
  'storage.info': { type: 'storage.info' },
  'recent.list': { type: 'recent.list' },
  'capture.run': { type: 'capture.run', tabId: 4 },
  'capture.get': { type: 'capture.get', id: 'cap_1' },
  'capture.list': { type: 'capture.list' },
  'capture.timeline': { type: 'capture.timeline', accountKey: 'instagram#1' },
  'artifact.get': { type: 'artifact.get', sha256: `sha256:${'a'.repeat(64)}` },
  'export.run': { type: 'export.run', scope: { kind: 'case', ids: ['case_1'] } },
  'key.info': { type: 'key.info' },
  'import.run': { type: 'import.run', file: 'backup.zip' },
} as const;
