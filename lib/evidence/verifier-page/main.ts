// Entry of verify.html: bundled into one inline script by scripts/build-verifier.mjs. Runs the
// same verifyPackage as the CLI over the chosen File, reading slices (never the whole ZIP), and
// speaks the reader's language (navigator.language, or the switch at the top).
import { verifyPackage } from '../verify';
import { checkText, type Check, type VerifyReport } from '../verify-report';
import {
  pickVerifierLanguage,
  VERIFIER_LANGUAGES,
  VERIFIER_WORDS,
  type VerifierLanguage,
} from '../verifier-language';
import { PAGE_TEXT, STATIC_KEYS, type PageText } from './page-text';
import { timestampAnchors, timestampView } from './timestamps-view';
import { blobSource } from '../zip/source';

const byId = (id: string): HTMLElement => document.getElementById(id)!;

let lang: VerifierLanguage = pickVerifierLanguage(navigator.languages ?? [navigator.language]);
/** What the page shows now, re-rendered when the language changes. */
let shown: VerifyReport | null = null;
let failure: string | null = null;
let running = false;
const text = (): PageText => PAGE_TEXT[lang];

function item(check: Check, kind: 'ok' | 'bad' | 'note'): HTMLLIElement {
  const li = document.createElement('li');
  li.className = kind;
  li.dataset.code = check.code;
  const mark = kind === 'ok' ? '✔' : kind === 'bad' ? '✘' : '!';
  const words = checkText(check, VERIFIER_WORDS[lang].checks);
  li.textContent = `${mark} ${check.file ? `${check.file}: ` : ''}${words}`;
  return li;
}

function verdictText(report: VerifyReport): string {
  const t = text();
  if (report.verdict === 'unreadable') return t.unreadable;
  if (report.verdict === 'invalid') return t.invalid(report.failures.length);
  if (report.verdict === 'unconfirmed') return t.unconfirmed(report.fingerprint ?? '');
  return t.valid(report.fingerprint ?? '', report.pinned === 'rotated');
}

function show(report: VerifyReport): void {
  const verdict = byId('verdict');
  verdict.className = report.verdict;
  verdict.textContent = verdictText(report);
  // The codes behind the words, so a test (or an expert) can compare with `dalel verify --json`.
  verdict.dataset.failures = report.failures.map((c) => c.code).join(' ');
  byId('checks').replaceChildren(
    ...report.failures.map((c) => item(c, 'bad')),
    ...report.notes.map((c) => item(c, 'note')),
    ...report.passed.map((c) => item(c, 'ok')),
  );
  byId('time').replaceChildren(
    ...(report.verdict !== 'unreadable'
      ? timestampView(report.timestamps, VERIFIER_WORDS[lang].time)
      : []),
  );
}

/** Puts the page's own texts, and the shown report, into the chosen language. */
function applyLanguage(next: VerifierLanguage): void {
  lang = next;
  const t = text();
  document.documentElement.lang = lang;
  document.title = t.title;
  (byId('lang') as HTMLSelectElement).value = lang;
  for (const key of STATIC_KEYS)
    for (const el of Array.from(document.querySelectorAll(`[data-t="${key}"]`)))
      el.textContent = t[key];
  const build = byId('build-name');
  build.textContent = t.build(build.dataset.version ?? '');
  if (shown) show(shown);
  else if (failure !== null) byId('verdict').textContent = t.error(failure);
  else if (!running) byId('verdict').textContent = t.pending;
}

async function run(): Promise<void> {
  const input = byId('file') as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  const verdict = byId('verdict');
  byId('checks').replaceChildren();
  byId('time').replaceChildren();
  shown = null;
  failure = null;
  running = true;
  verdict.className = 'pending';
  verdict.textContent = text().checking(file.name);
  const pin = (byId('key') as HTMLInputElement).value.trim();
  try {
    const tsaAnchors = await timestampAnchors(byId('tsa-ca') as HTMLInputElement);
    const report = await verifyPackage(blobSource(file), {
      pinnedKey: pin || undefined,
      tsaAnchors,
      onProgress: (done, total) => {
        verdict.textContent = text().progress(
          file.name,
          total ? Math.floor((100 * done) / total) : 100,
        );
      },
    });
    shown = report;
    show(report);
  } catch (error) {
    failure = (error as Error).message;
    verdict.className = 'unreadable';
    verdict.textContent = text().error(failure);
  } finally {
    running = false;
  }
}

const select = byId('lang') as HTMLSelectElement;
select.replaceChildren(
  ...VERIFIER_LANGUAGES.map((l) => {
    const option = document.createElement('option');
    option.value = l;
    option.textContent = PAGE_TEXT[l].name;
    return option;
  }),
);
select.addEventListener('change', () => applyLanguage(select.value as VerifierLanguage));
applyLanguage(lang);
byId('file').addEventListener('change', () => void run());
byId('key').addEventListener('change', () => void run());
byId('tsa-ca').addEventListener('change', () => void run());
