import type { Page } from '@playwright/test';
import type { ImportResult } from '../../lib/services/import-package';

/** One filter change on the Captures screen, through its labelled control. */
export interface FilterStep {
  name: string;
  control: 'select' | 'text';
  /** The control's visible (English) label. */
  label: string;
  value: string;
}

/** What an extension page sees of the extension API (only the types; the page has the values). */
interface ExtensionGlobal {
  chrome: {
    runtime: {
      sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
    };
  };
}

const ROWS = '[data-testid="capture-table"] tbody tr';

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper that
 * does not exist in the page: define it before evaluating such a function there.
 */
async function defineName(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/**
 * Loads the dashboard page straight at the Captures screen and returns the milliseconds from
 * navigation start to the first animation frame in which its rows are in the document (measured
 * in the page, so no DevTools round trip is counted). Includes starting the page's renderer.
 */
export async function loadCapturesMs(page: Page, dashboard: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${dashboard}#captures`);
  const at = await page.waitForFunction(
    (rows) => (document.querySelector(rows) ? performance.now() : null),
    ROWS,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await at.jsonValue()) as number;
}

/**
 * The dashboard is open on another screen (Settings); `beforeOpen` runs there (e.g. stopping the
 * worker). Then the monitor clicks the Captures link (it changes the hash): milliseconds from the
 * click to the animation frame after the rows are in the document.
 */
export async function openCapturesMs(
  page: Page,
  dashboard: string,
  beforeOpen?: () => Promise<void>,
): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${dashboard}#settings`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Settle: Preact runs effects (the router's hashchange listener among them) after a frame.
  await page.waitForTimeout(200);
  await beforeOpen?.();
  await defineName(page);
  return page.evaluate(async (rows) => {
    const link = document.querySelector<HTMLAnchorElement>('nav a[href="#captures"]');
    if (!link) throw new Error('no link to the Captures screen');
    const start = performance.now();
    link.click();
    await new Promise<void>((resolve, reject) => {
      if (document.querySelector(rows)) return resolve();
      const timer = setTimeout(
        () =>
          reject(new Error(`no rows after 60 s: ${document.querySelector('main')?.textContent}`)),
        60_000,
      );
      const observer = new MutationObserver(() => {
        if (!document.querySelector(rows)) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
      observer.observe(document.body, { subtree: true, childList: true });
    });
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  }, ROWS);
}

/**
 * Changes one filter the way a monitor does (a `change` on a select, an `input` on the search
 * field), and returns the milliseconds until the animation frame after the list's count and rows
 * changed; then clears the filter again and waits for the full list (not timed).
 */
export async function filterOnce(page: Page, step: FilterStep): Promise<number> {
  await defineName(page);
  return page.evaluate(
    async ({ step, rows }) => {
      const label = [...document.querySelectorAll('label')].find(
        (l) => l.textContent?.trim() === step.label,
      );
      const control = label && (document.getElementById(label.htmlFor) as HTMLInputElement | null);
      if (!control) throw new Error(`no control labelled ${step.label}`);
      const count = () => document.querySelector('[data-testid="capture-count"]')?.textContent;
      const changed = (from: string | null | undefined) =>
        new Promise<void>((resolve, reject) => {
          const done = () => count() !== from && document.querySelector(rows) !== null;
          if (done()) return resolve();
          const timer = setTimeout(() => reject(new Error(`list did not change: ${from}`)), 60_000);
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      const set = (value: string) => {
        control.value = value;
        control.dispatchEvent(
          new Event(step.control === 'select' ? 'change' : 'input', { bubbles: true }),
        );
      };
      const before = count();
      const start = performance.now();
      set(step.value);
      await changed(before);
      await new Promise((r) => requestAnimationFrame(r));
      const ms = performance.now() - start;
      const filtered = count();
      set('');
      await changed(filtered);
      if (count() !== before) throw new Error(`list came back as ${count()}, not ${before}`);
      return ms;
    },
    { step, rows: ROWS },
  );
}

/** Milliseconds of one protocol message, sent and answered from the page. */
export async function timedMessageMs(
  page: Page,
  message: Record<string, unknown>,
): Promise<number> {
  await defineName(page);
  return page.evaluate(async (m) => {
    const start = performance.now();
    const answer = await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m);
    if (!answer?.ok) throw new Error(`${m.type}: ${JSON.stringify(answer?.error)}`);
    return performance.now() - start;
  }, message);
}

/** Milliseconds of a bare IndexedDB getAll of the extension's captures store, from the page. */
export async function rawCapturesReadMs(page: Page): Promise<number> {
  await defineName(page);
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dalel');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const start = performance.now();
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const get = db.transaction('captures', 'readonly').objectStore('captures').getAll();
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      if (rows.length === 0) throw new Error('the captures store is empty');
      return performance.now() - start;
    } finally {
      db.close();
    }
  });
}

/**
 * Imports a package file into the extension the way the Import screen does: the chosen file
 * (Playwright passes the path; nothing is copied through the protocol) is streamed into OPFS
 * `imports/` and `import.run` verifies and imports it. Returns import.run's answer and seconds.
 */
export async function importFile(
  page: Page,
  path: string,
  pinnedKey?: string,
): Promise<{ result: ImportResult; seconds: number }> {
  await page.evaluate(() => {
    if (document.getElementById('bench-import')) return;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-import';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-import', path);
  const name = await page.evaluate(async () => {
    const file = (document.getElementById('bench-import') as HTMLInputElement).files![0]!;
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('imports', { create: true });
    const target = 'bench-archive.zip';
    const writable = await (await dir.getFileHandle(target, { create: true })).createWritable();
    await file.stream().pipeTo(writable);
    return target;
  });
  const start = performance.now();
  const answer = await page.evaluate(
    ({ file, pinnedKey }) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
        type: 'import.run',
        file,
        ...(pinnedKey ? { pinnedKey } : {}),
      }),
    { file: name, pinnedKey },
  );
  const seconds = (performance.now() - start) / 1000;
  if (!answer?.ok) throw new Error(`import.run: ${JSON.stringify(answer?.error)}`);
  return { result: answer.data as ImportResult, seconds };
}
