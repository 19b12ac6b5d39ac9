// The core handlers (lib/background/handlers/core.ts) as createHandlers builds them: ping and the
// tab probe, persons and cases (unknown ids are `not_found`), tags, custody, and settings — whose
// new auto-lock minutes reach the passphrase lock at once (the override in handlers/index.ts).
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../../../../lib/messaging/router';
import { sampleCapture } from '../../store/sample-capture';
import { allHandlers, asker } from './fakes';

async function setup() {
  const all = await allHandlers();
  return { ...all, ask: asker(all.handlers) };
}

const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('core handlers', () => {
  it('ping answers the extension version; tab.probe asks the port about that tab', async () => {
    const { ask, seen } = await setup();
    expect(await ask({ type: 'ping' })).toEqual({ pong: true, version: '9.8.7' });
    expect(await ask({ type: 'tab.probe', tabId: 42 })).toEqual({
      url: 'https://x.com/tab42',
      title: 'Tab 42',
      platform: 'x',
      contentScriptVersion: '9.8.7',
    });
    expect(seen.probed).toEqual([42]);
  });

  it('person.get and case.get of an unknown id answer not_found, not undefined', async () => {
    const { ask } = await setup();
    const person = ask({ type: 'person.get', id: 'per_missing' });
    await expect(person).rejects.toBeInstanceOf(ProtocolError);
    await expect(person).rejects.toMatchObject({
      code: 'not_found',
      message: 'person per_missing not found',
    });
    await expect(ask({ type: 'case.get', id: 'case_missing' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'case case_missing not found',
    });
  });

  it('a person created, updated and listed reads back as saved, each change in custody', async () => {
    const { ask } = await setup();
    const created = await ask({
      type: 'person.create',
      person: { name: 'Aigerim Sadykova', aliases: ['Aika', 'Aika', ' '] },
    });
    // The input's defaults and clean-up: one alias, no accounts, empty notes.
    expect(created).toMatchObject({ name: 'Aigerim Sadykova', aliases: ['Aika'], notes: '' });
    expect(await ask({ type: 'person.get', id: created.id })).toEqual(created);

    const updated = await ask({
      type: 'person.update',
      id: created.id,
      patch: { notes: 'detained 2026-04-30' },
    });
    expect(updated).toMatchObject({ id: created.id, name: 'Aigerim Sadykova', aliases: ['Aika'] });
    expect(updated.notes).toBe('detained 2026-04-30');
    expect(await ask({ type: 'person.get', id: created.id })).toEqual(updated);
    expect(await ask({ type: 'person.list' })).toEqual([updated]);

    const custody = await ask({ type: 'custody.list' });
    expect(types(custody)).toEqual(['person_created', 'person_updated']);
    expect(custody[1]!.data).toEqual({ fields: ['notes'] });
  });

  it('an update of an unknown person is refused and writes nothing', async () => {
    const { ask, store } = await setup();
    await ask({ type: 'person.create', person: { name: 'Erlan' } });
    const before = await store.custody.count();
    await expect(
      ask({ type: 'person.update', id: 'per_missing', patch: { name: 'Someone' } }),
    ).rejects.toThrow(/no person with id per_missing/);
    expect(await store.custody.count()).toBe(before);
    expect((await ask({ type: 'person.list' })).map((p) => p.name)).toEqual(['Erlan']);
  });

  it('a case created, updated and listed reads back as saved', async () => {
    const { ask } = await setup();
    const created = await ask({
      type: 'case.create',
      legalCase: { title: 'Sadykova', article: 'Art. 174' },
    });
    expect(created).toMatchObject({ title: 'Sadykova', article: 'Art. 174' });
    expect(await ask({ type: 'case.get', id: created.id })).toEqual(created);
    const updated = await ask({
      type: 'case.update',
      id: created.id,
      patch: { caseNumber: '2026-17' },
    });
    expect(updated).toMatchObject({
      title: 'Sadykova',
      article: 'Art. 174',
      caseNumber: '2026-17',
    });
    expect(await ask({ type: 'case.get', id: created.id })).toEqual(updated);
    expect(await ask({ type: 'case.list' })).toEqual([updated]);
  });

  it('link.add tags a capture and link.remove untags it, both in custody; a missing capture is refused', async () => {
    const { ask, store } = await setup();
    const { capture, artifacts } = sampleCapture('cap_t');
    await store.captures.seal(capture, artifacts);
    const person = await ask({ type: 'person.create', person: { name: 'Aigerim' } });
    const link = await ask({
      type: 'link.add',
      captureId: 'cap_t',
      personId: person.id,
      caseId: null,
      category: 'ground',
    });
    expect(link).toMatchObject({ captureId: 'cap_t', personId: person.id, note: '' });
    expect((await store.links.forCapture('cap_t')).map((l) => l.id)).toEqual([link.id]);
    // The message's own `type` is not stored with the tag.
    expect(link).not.toHaveProperty('type');

    const before = await store.custody.count();
    await expect(
      ask({
        type: 'link.add',
        captureId: 'cap_gone',
        personId: person.id,
        caseId: null,
        category: 'ground',
      }),
    ).rejects.toThrow(/no capture cap_gone/);
    expect(await store.custody.count()).toBe(before);

    await ask({ type: 'link.remove', id: link.id });
    expect(await store.links.forCapture('cap_t')).toEqual([]);
    expect(types(await ask({ type: 'custody.list' })).slice(-2)).toEqual(['tagged', 'untagged']);
  });

  it('a change naming a person, case, capture or tag that is not there answers not_found, and writes nothing', async () => {
    const { ask, store } = await setup();
    const { capture, artifacts } = sampleCapture('cap_n');
    await store.captures.seal(capture, artifacts);
    const person = await ask({ type: 'person.create', person: { name: 'Aigerim' } });
    const before = await store.custody.count();
    const refused = [
      [
        { type: 'person.update', id: 'per_gone', patch: { notes: 'x' } },
        'no person with id per_gone',
      ],
      [
        { type: 'case.update', id: 'case_gone', patch: { title: 'x' } },
        'no case with id case_gone',
      ],
      [
        {
          type: 'link.add',
          captureId: 'cap_gone',
          personId: person.id,
          caseId: null,
          category: 'ground',
        },
        'no capture cap_gone',
      ],
      [
        {
          type: 'link.add',
          captureId: 'cap_n',
          personId: 'per_gone',
          caseId: null,
          category: 'ground',
        },
        'no person per_gone',
      ],
      [
        {
          type: 'link.add',
          captureId: 'cap_n',
          personId: person.id,
          caseId: 'case_gone',
          category: 'ground',
        },
        'no case case_gone',
      ],
      [{ type: 'link.remove', id: 'link_gone' }, 'no link link_gone'],
    ] as const;
    for (const [message, reason] of refused) {
      const answer = ask(message as Parameters<typeof ask>[0]);
      await expect(answer, message.type).rejects.toBeInstanceOf(ProtocolError);
      await expect(answer, message.type).rejects.toMatchObject({
        code: 'not_found',
        message: reason,
      });
    }
    expect(await store.custody.count()).toBe(before);
    // Anything else still fails as it did: a bad patch is not a missing record.
    const bad = ask({ type: 'person.update', id: person.id, patch: { name: '' } });
    await expect(bad).rejects.not.toMatchObject({ code: 'not_found' });
  });

  it('settings.set saves the patch and applies new auto-lock minutes to the open lock at once', async () => {
    const { ask, controller, alarms, session } = await setup();
    await controller.enable('a long passphrase for tests');
    expect(alarms.at(-1)).toBe(15);
    const saved = await ask({ type: 'settings.set', patch: { autoLockMinutes: 5 } });
    expect(saved.autoLockMinutes).toBe(5);
    expect((await ask({ type: 'settings.get' })).autoLockMinutes).toBe(5);
    // The idle alarm and the session the lock keeps both carry the new time.
    expect(alarms.at(-1)).toBe(5);
    expect(session.peek()?.idleMinutes).toBe(5);
  });

  it('settings that do not validate are refused: nothing saved, the lock keeps its time', async () => {
    const { handlers, ask, controller, alarms, session } = await setup();
    await controller.enable('a long passphrase for tests');
    const before = alarms.length;
    // Past the message schema (as a caller inside the background could): the store refuses it.
    await expect(
      handlers['settings.set']({ type: 'settings.set', patch: { autoLockMinutes: 0 } }),
    ).rejects.toThrow();
    expect((await ask({ type: 'settings.get' })).autoLockMinutes).toBe(15);
    expect(alarms.length).toBe(before);
    expect(session.peek()?.idleMinutes).toBe(15);
  });
});
