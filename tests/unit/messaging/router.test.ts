import { describe, expect, it } from 'vitest';
import { createRouter, ProtocolError, type Handlers } from '../../../lib/messaging/router';
import { ACCESS, requestSchema } from '../../../lib/messaging/protocol';
import { malformed, samples } from '../../support/message-samples';

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

  it('judges a content script by the type it claims, before parsing the payload', async () => {
    calls.length = 0;
    for (const message of [
      { type: 'vault.wipe' },
      { type: 'person.create', person: 5 },
      { type: 'no.such.type' },
      { type: 'constructor' },
      null,
      'ping',
    ])
      expect(await route(message, contentScript), JSON.stringify(message)).toMatchObject({
        error: { code: 'forbidden' },
      });
    expect(await route({ type: 'ping', x: 1 }, contentScript)).toMatchObject({
      error: { code: 'invalid_message' },
    });
    expect(calls).toEqual([]);
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

  it('maps vault errors to their codes and lets a guard refuse before the handler', async () => {
    const guarded = createRouter(handlers, self, {
      guard: async (request) => {
        if (request.type !== 'vault.unlock') throw new ProtocolError('locked', 'locked');
      },
    });
    calls.length = 0;
    expect(await guarded({ type: 'person.list' }, extensionPage)).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(calls).toEqual([]);
    // The sender check comes first: a content script is told `forbidden`, not `locked`.
    expect(await guarded({ type: 'person.list' }, contentScript)).toMatchObject({
      error: { code: 'forbidden' },
    });
    const throwing = createRouter(
      new Proxy({} as Handlers, {
        get: (_t, type: string) => async () => {
          throw Object.assign(new Error(type), {
            name: type === 'vault.unlock' ? 'WrongPassphraseError' : 'VaultLockedError',
          });
        },
      }),
      self,
    );
    expect(await throwing(samples['vault.unlock'], extensionPage)).toMatchObject({
      error: { code: 'wrong_passphrase' },
    });
    expect(await throwing(samples['person.list'], extensionPage)).toMatchObject({
      error: { code: 'locked' },
    });
    // Dexie wraps a quota failure: AbortError with the QuotaExceededError as `.inner`.
    const quota = createRouter(
      new Proxy({} as Handlers, {
        get: () => async () => {
          throw Object.assign(new Error('aborted'), {
            name: 'AbortError',
            inner: Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
          });
        },
      }),
      self,
    );
    expect(await quota(samples['person.create'], extensionPage)).toMatchObject({
      error: { code: 'storage_full', message: expect.stringMatching(/nothing was saved/) },
    });
  });

  it('wipes only with the literal confirmation word', async () => {
    for (const confirm of [undefined, 'wipe', 'yes', true])
      expect(await route({ type: 'vault.wipe', confirm }, extensionPage)).toMatchObject({
        error: { code: 'invalid_message' },
      });
  });

  it('accepts the sample of every type and refuses each malformed variant of it (E2)', async () => {
    const types = requestSchema.options.map((o) => o.shape.type.value);
    expect(Object.keys(samples).sort()).toEqual([...types].sort());
    for (const sample of Object.values(samples)) {
      const answer = await route(sample, extensionPage);
      // Some mock handlers fail on purpose; what matters is that the schema accepted the sample.
      expect(answer.ok || answer.error.code, sample.type).not.toBe('invalid_message');
      for (const bad of malformed(sample))
        expect(await route(bad, extensionPage), JSON.stringify(bad)).toMatchObject({
          ok: false,
          error: { code: 'invalid_message' },
        });
    }
  });

  it('has an access rule for every message type', () => {
    const types = requestSchema.options.map((o) => o.shape.type.value);
    expect(Object.keys(ACCESS).sort()).toEqual([...types].sort());
  });
  it('answers a schema refusal meant for the monitor as a translatable reason', async () => {
    const short = await route({ type: 'vault.enable', passphrase: 'short' }, extensionPage);
    expect(short).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_message',
        message: 'The passphrase must be at least 8 characters long.',
        reason: { key: 'passphraseTooShort', params: [] },
      },
    });
    const blank = await route({ type: 'person.create', person: { name: '   ' } }, extensionPage);
    expect(blank).toMatchObject({ error: { reason: { key: 'nameRequired' } } });
    const untitled = await route({ type: 'case.create', legalCase: { title: ' ' } }, extensionPage);
    expect(untitled).toMatchObject({ error: { reason: { key: 'titleRequired' } } });
    // A malformed message a user could never cause keeps its technical English and no reason.
    const odd = await route({ type: 'vault.enable', passphrase: 5 }, extensionPage);
    expect(odd).toMatchObject({ error: { code: 'invalid_message' } });
    expect((odd as { error: { reason?: unknown } }).error.reason).toBeUndefined();
  });
});
