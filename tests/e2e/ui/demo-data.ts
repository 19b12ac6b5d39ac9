import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { Capture } from '../../../lib/model/capture';
import { capture } from '../../unit/search/synthetic';
import { sendFrom } from '../support/fixtures';

/**
 * Fictional monitoring data for the screens (modelled on a real bulletin's structure; every name
 * is invented). Persons and cases go through the protocol; captures are written straight into
 * IndexedDB from an extension page, because the screens need an account whose state changed
 * over several captures, which no single fixture page can produce.
 */
export const PERSONS = [
  {
    name: 'Aigerim Kairatkyzy',
    aliases: ['Айгерим Кайраткызы'],
    accounts: [
      { platform: 'instagram', handle: 'aigerim.k', platformId: '4826151', url: null },
      { platform: 'facebook', handle: 'aigerim.kairatkyzy', platformId: null, url: null },
    ],
  },
  { name: 'Nurlan Sarsenov', aliases: ['Нурлан Сарсенов'], accounts: [] },
  { name: 'Dana Mukhtarova', aliases: [], accounts: [] },
];

export const CASES = [
  {
    title: 'Kairatkyzy case',
    article: 'Art. 405 Part 1 (participation in an extremist organization)',
    caseNumber: '217100031000555',
    jurisdiction: 'Astana',
    status: 'investigation',
    officials: [
      {
        name: 'B.T. Serikov',
        role: 'investigator',
        position: 'Investigative Division, Astana Police Department',
      },
      { name: 'E.K. Baimukhanov', role: 'prosecutor', position: 'deputy prosecutor of Astana' },
    ],
    dates: [
      { label: 'Criminal case opened', date: '2021-04-27' },
      { label: 'Searched at home', date: '2021-04-29' },
    ],
    notes: 'Summoned for questioning twice; lawyer denied access on 29 April.',
  },
  {
    title: 'Дело Сарсенова',
    article: 'ст. 405 ч. 2',
    caseNumber: '217100031000777',
    jurisdiction: 'Алматы',
    status: 'indictment',
    officials: [],
    dates: [{ label: 'Обвинительный акт утверждён', date: '2021-04-29' }],
    notes: '',
  },
];

const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * The fixture-site page each demo capture shows (cap_101…cap_106), photographed for its
 * screenshot so the list's thumbnails look like real use, not blank rectangles.
 */
export const DEMO_PAGES = [
  'https://www.instagram.com/p/DalelPost01/',
  'https://www.facebook.com/',
  'https://x.com/kairat_example/status/1900000000000000001',
  'https://www.instagram.com/aigerim.example/',
  'https://www.instagram.com/kairat.deleted/',
  'https://www.facebook.com/',
] as const;

/** Screenshots of the fixture-site pages (the context serves them offline), one per capture. */
export async function fixtureScreenshots(context: BrowserContext): Promise<Uint8Array[]> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const shots: Uint8Array[] = [];
  try {
    for (const url of DEMO_PAGES) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined);
      shots.push(await page.screenshot());
    }
  } finally {
    await page.close();
  }
  return shots;
}

/**
 * Builds the demo captures: three posts, an account seen active then suspended, a hack notice.
 * `screenshots`: one per capture (in `DEMO_PAGES` order), or one picture for all.
 */
export function demoCaptures(screenshots: Uint8Array | Uint8Array[], snapshotHtml: string) {
  const html = new TextEncoder().encode(snapshotHtml);
  const pictures = Array.isArray(screenshots) ? screenshots : [screenshots];
  const file = (bytes: Uint8Array, mediaType: string) => ({ bytes, mediaType, sha256: sha(bytes) });
  const page = file(html, 'text/html');
  const shots = pictures.map((bytes) => file(bytes, 'image/png'));
  const files = [...new Map([...shots, page].map((f) => [f.sha256, f])).values()];
  const artifactsOf = (i: number): Capture['artifacts'] => {
    const shot = shots[i % shots.length]!;
    return [
      {
        name: 'screenshot-viewport.png',
        role: 'screenshot',
        mediaType: 'image/png',
        size: shot.bytes.length,
        sha256: shot.sha256,
        sourceUrl: null,
      },
      {
        name: 'page.html',
        role: 'snapshot_html',
        mediaType: 'text/html',
        size: html.length,
        sha256: page.sha256,
        sourceUrl: null,
      },
    ];
  };
  const withFiles = (c: Capture, i: number): Capture => ({ ...c, artifacts: artifactsOf(i) });
  const captures = [
    capture(101, {
      text: 'Я очень люблю свою страну и хочу честных выборов. Все на мирный митинг в субботу!',
      author: 'aigerim.k',
      sealedAt: '2021-05-03T09:00:00.000Z',
      publishedAt: '2021-03-08T18:20:00.000Z',
    }),
    capture(102, {
      platform: 'facebook',
      text: 'Поделилась публикацией «Султан моего сердца»',
      author: 'aigerim.kairatkyzy',
      sealedAt: '2021-05-03T09:10:00.000Z',
      publishedAt: '2021-01-01T00:05:00.000Z',
    }),
    capture(103, {
      platform: 'x',
      text: 'Бейбіт митингке барамыз. Саяси тұтқындарға бостандық!',
      author: 'nurlan_sarsenov',
      sealedAt: '2021-05-04T11:00:00.000Z',
      publishedAt: '2021-02-20T07:00:00.000Z',
    }),
    capture(104, { author: 'aigerim.k', state: 'active', sealedAt: '2021-04-20T08:00:00.000Z' }),
    capture(105, { author: 'aigerim.k', state: 'suspended', sealedAt: '2021-05-05T08:00:00.000Z' }),
    capture(106, {
      platform: 'facebook',
      notice: 'Your account has been locked: we noticed unusual activity on your account.',
      sealedAt: '2021-05-05T15:30:00.000Z',
    }),
  ].map(withFiles);
  // The account captures carry the account key the timeline is keyed by.
  for (const c of captures.filter((c) => c.kind === 'account'))
    (c as { accountKey: string }).accountKey = 'instagram#4826151';
  return { captures, files };
}

/** Writes captures and their artifact bytes into the extension's IndexedDB (test-only path). */
export async function writeCaptures(
  page: Page,
  data: ReturnType<typeof demoCaptures>,
): Promise<void> {
  const files = data.files.map((f) => ({
    sha256: f.sha256,
    mediaType: f.mediaType,
    base64: Buffer.from(f.bytes).toString('base64'),
  }));
  await page.evaluate(
    async ({ captures, files }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('dalel');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['captures', 'artifacts'], 'readwrite');
      for (const c of captures) tx.objectStore('captures').put(c);
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
        const blob = new Blob([bytes], { type: f.mediaType });
        tx.objectStore('artifacts').put({
          sha256: f.sha256,
          blob,
          size: blob.size,
          mediaType: f.mediaType,
          storedAt: new Date().toISOString(),
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { captures: data.captures, files },
  );
}

/** Persons, cases and tags through the protocol; returns their ids. */
export async function seedRecords(page: Page) {
  const ok = async (message: Record<string, unknown>) => {
    const answer = await sendFrom(page, message);
    if (!answer.ok) throw new Error(`${String(message.type)}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  const persons = [];
  for (const person of PERSONS) persons.push(await ok({ type: 'person.create', person }));
  const cases = [];
  for (const legalCase of CASES) cases.push(await ok({ type: 'case.create', legalCase }));
  return { persons, cases, ok };
}
