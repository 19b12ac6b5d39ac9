// Entry of verify.html: bundled into one inline script by scripts/build-verifier.mjs. Runs the
// same verifyPackage as the CLI over the chosen File, reading slices (never the whole ZIP).
import { verifyPackage } from '../verify';
import { timestampAnchors, timestampView } from './timestamps-view';
import type { Check, VerifyReport } from '../verify-report';
import { blobSource } from '../zip/source';

const byId = (id: string): HTMLElement => document.getElementById(id)!;

function item(check: Check): HTMLLIElement {
  const li = document.createElement('li');
  li.className = check.ok ? 'ok' : 'bad';
  li.textContent = `${check.ok ? '✔' : '✘'} ${check.file ? `${check.file}: ` : ''}${check.message}`;
  return li;
}

function verdictText(report: VerifyReport): string {
  if (report.verdict === 'unreadable')
    return 'UNREADABLE — not a complete ZIP package / файл повреждён или это не пакет';
  if (report.verdict === 'invalid')
    return `INVALID — ${report.failures.length} check(s) failed / НЕДЕЙСТВИТЕЛЕН`;
  const who =
    report.pinned === 'match'
      ? `signed by the expected key ${report.fingerprint}`
      : `signed by key ${report.fingerprint} — compare this fingerprint with the one the sender gave you / сверьте отпечаток ключа`;
  return `VALID — ${who} / ДЕЙСТВИТЕЛЕН`;
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
    list.append(...report.failures.map(item), ...report.passed.map(item));
    if (report.verdict !== 'unreadable') byId('time').append(...timestampView(report.timestamps));
  } catch (error) {
    verdict.className = 'unreadable';
    verdict.textContent = `ERROR — ${(error as Error).message}`;
  }
}

byId('file').addEventListener('change', () => void run());
byId('key').addEventListener('change', () => void run());
byId('tsa-ca').addEventListener('change', () => void run());
