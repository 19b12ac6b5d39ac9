// Entry of verify.html: bundled into one inline script by scripts/build-verifier.mjs. Runs the
// same verifyPackage as the CLI over the chosen File, reading slices (never the whole ZIP).
import { verifyPackage } from '../verify';
import { timestampAnchors, timestampView } from './timestamps-view';
import type { Check, VerifyReport } from '../verify-report';
import { blobSource } from '../zip/source';

const byId = (id: string): HTMLElement => document.getElementById(id)!;

function item(check: Check, kind: 'ok' | 'bad' | 'note'): HTMLLIElement {
  const li = document.createElement('li');
  li.className = kind;
  const mark = kind === 'ok' ? '✔' : kind === 'bad' ? '✘' : '!';
  li.textContent = `${mark} ${check.file ? `${check.file}: ` : ''}${check.message}`;
  return li;
}

function verdictText(report: VerifyReport): string {
  if (report.verdict === 'unreadable')
    return 'UNREADABLE — not a complete ZIP package / файл повреждён или это не пакет';
  if (report.verdict === 'invalid')
    return `INVALID — ${report.failures.length} check(s) failed / НЕДЕЙСТВИТЕЛЕН`;
  if (report.verdict === 'unconfirmed')
    return `SIGNATURE INTACT — SIGNER NOT CONFIRMED. Signed by key ${report.fingerprint}: compare it with the fingerprint the sender gave you over a second channel and enter it above / ПОДПИСЬ ЦЕЛА — ОТПРАВИТЕЛЬ НЕ ПОДТВЕРЖДЁН: сверьте отпечаток ключа`;
  const how = report.pinned === 'rotated' ? ', which took over from it by a signed handover' : '';
  return `VALID — signed by the expected key${how} (${report.fingerprint}) / ДЕЙСТВИТЕЛЕН`;
}

async function run(): Promise<void> {
  const input = byId('file') as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  const verdict = byId('verdict');
  const list = byId('checks');
  list.replaceChildren();
  verdict.className = 'pending';
  verdict.textContent = `Checking ${file.name}… / Проверка…`;
  const pin = (byId('key') as HTMLInputElement).value.trim();
  byId('time').replaceChildren();
  try {
    const tsaAnchors = await timestampAnchors(byId('tsa-ca') as HTMLInputElement);
    const report = await verifyPackage(blobSource(file), {
      pinnedKey: pin || undefined,
      tsaAnchors,
      onProgress: (done, total) => {
        verdict.textContent = `Checking ${file.name}… ${total ? Math.floor((100 * done) / total) : 100}%`;
      },
    });
    verdict.className = report.verdict;
    verdict.textContent = verdictText(report);
    // The codes behind the words, so a test (or an expert) can compare with `dalel verify --json`.
    verdict.dataset.failures = report.failures.map((c) => c.code).join(' ');
    list.append(
      ...report.failures.map((c) => item(c, 'bad')),
      ...report.notes.map((c) => item(c, 'note')),
      ...report.passed.map((c) => item(c, 'ok')),
    );
    if (report.verdict !== 'unreadable') byId('time').append(...timestampView(report.timestamps));
  } catch (error) {
    verdict.className = 'unreadable';
    verdict.textContent = `ERROR — ${(error as Error).message}`;
  }
}

byId('file').addEventListener('change', () => void run());
byId('key').addEventListener('change', () => void run());
byId('tsa-ca').addEventListener('change', () => void run());
