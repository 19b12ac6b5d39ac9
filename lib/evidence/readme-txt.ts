import type { Checkpoint } from './custody';
import { readmeKazakh } from './readme-kk';
import { trustedTimeStep } from './timestamp/readme-section';

export interface PackageMeta {
  packageId: string;
  created: string;
  tool: { name: string; version: string };
  fingerprint: string;
  checkpoint: Checkpoint;
}

/**
 * The manual steps, as commands that run verbatim in bash on Debian (unzip, OpenSSL 3.0,
 * coreutils). tests/unit/evidence/package-docs.test.ts runs every "$ " line of README.txt.
 */
export const STEP = {
  unpack: 'unzip -q package.zip -d package && cd package',
  fingerprint:
    'openssl pkey -pubin -in signer.pem -outform DER | tail -c 32 | sha256sum | cut -c1-32',
  // OpenSSL accepts a small-order public key (e.g. the identity point), with which a made-up
  // signature "verifies" any statement: such keys are refused before the signature is checked.
  signature:
    "openssl pkey -pubin -in signer.pem -outform DER | tail -c 32 | od -An -v -tx1 | tr -d ' \\n' | grep -Eqx '(00){31}(00|80)|01(00){30}(00|80)|26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc(05|85)|c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03(7a|fa)|e[cde](ff){30}(7f|ff)' && echo 'DEGENERATE KEY: INVALID' || openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig",
  manifest:
    'grep -c "\\"manifest\\":\\"sha256:$(sha256sum manifest.json | cut -c1-64)\\"" statement.json',
  sums: 'grep -c "\\"path\\":\\"SHA256SUMS\\",\\"sha256\\":\\"sha256:$(sha256sum SHA256SUMS | cut -c1-64)\\"" manifest.json',
  files: 'sha256sum --strict -c SHA256SUMS',
  // Exact paths (-path ./x), not names (-name x would also let captures/…/manifest.json through),
  // and everything that is not a directory (a symlink or other special file is extra too). The
  // unsigned annex may hold only time-stamp tokens and their README (step 7).
  extra:
    "find . ! -type d ! -path ./manifest.json ! -path ./statement.json ! -path ./statement.sig ! -path ./signer.pem ! -path ./SHA256SUMS ! -regex '\\./timestamps/[1-9][0-9]*\\.tsr' ! -path ./timestamps/README | sed 's|^\\./||' | LC_ALL=C sort | diff - <(cut -c67- SHA256SUMS | LC_ALL=C sort) && echo 'NOTHING EXTRA'",
} as const;

/** The commands of the manual steps, in order (for tests and other languages). */
export const MANUAL_STEPS: readonly string[] = Object.values(STEP);

/** README.txt: what the package is and how to verify it by hand (English, Russian, Kazakh). */
export function readmeText(meta: PackageMeta): string {
  const id = `Package ${meta.packageId}, created ${meta.created} by ${meta.tool.name} ${meta.tool.version}.`;
  return `DALEL EVIDENCE PACKAGE
${id}
Custody log checkpoint: ${meta.checkpoint.size} events, head ${meta.checkpoint.head}
Custody log root (RFC 6962): ${meta.checkpoint.root}

=== ENGLISH ===

WHAT THIS IS
Online material captured by a human-rights monitor, with every file's SHA-256 hash listed in
manifest.json and an Ed25519 signature over it. Nothing can be added, removed or changed without
the checks below failing.

  report.html     human-readable report (open in any browser, works offline)
  report.pdf      the same report as a PDF (for court filings)
  verify.html     a copy of the automatic verifier (see below: do not rely on this copy)
  manifest.json   list of every file with its sha256 hash, size and type
  statement.json  the signed statement (contains the sha256 of manifest.json)
  statement.sig   Ed25519 signature of statement.json (64 bytes)
  signer.pem      the signer's public key
  SHA256SUMS      the hashes of manifest.json in sha256sum format
  captures/       the captured files, exactly as captured, and each capture's record
  records/        cases, persons and tags; custody/ the chain-of-custody log
  timestamps/     if present: time-stamp tokens over statement.sig (not signed, see step 7)

WHOSE IT IS
The signature proves the package is unchanged since a key signed it, not whose key that is.
Get the signer's key fingerprint from the monitor over a second channel (in person, by phone).
This file deliberately does not print it: whoever altered the package would print their own.

VERIFY IT WITH A VERIFIER YOU DID NOT GET FROM THIS PACKAGE
Whoever altered the package could also alter the verify.html inside it. Use either:
  - the released verify.html, after checking that its SHA-256 equals the one published with
    the release (sha256sum verify.html); open it in Chrome, Firefox or Edge (no internet
    needed), enter the fingerprint, choose this .zip file; or
  - the dalel tool:  dalel verify package.zip --key <the fingerprint the monitor gave you>
    Exit 0 VALID, 1 INVALID, 2 unreadable, 3 signature intact but signer NOT confirmed.
    It also shows the trusted time (time-stamp tokens); add --tsa-ca <tsa-ca.pem> for a TSA
    that is not one of the well-known ones.
    dalel verify also says whether this package's verify.html is the official build, and
    "dalel verify package.zip --key ... --extract checked" writes exactly the checked files.

BY HAND (bash with unzip, OpenSSL 3.0 or newer and sha256sum, as on Debian or Ubuntu; Windows:
WSL). Run each line that starts with "$" (without the "$") in the folder that holds package.zip.
1. Unpack into a new folder:
   $ ${STEP.unpack}
2. Signer: prints 32 hex digits.
   $ ${STEP.fingerprint}
   They must equal the fingerprint the sender gave you, without the dashes. If they differ,
   the package is NOT from them.
3. Signature (a degenerate key that would "verify" anything is refused first):
   $ ${STEP.signature}
   Must print "Signature Verified Successfully".
4. Manifest: its hash is the one in the signed statement.
   $ ${STEP.manifest}
   Must print 1.
5. Files: SHA256SUMS is the one listed in the signed manifest, and every file matches it.
   $ ${STEP.sums}
   Must print 1. Then:
   $ ${STEP.files}
   Every line must end in OK.
6. Nothing extra: every file is one of the five above, listed in SHA256SUMS, or a time-stamp
   token in timestamps/ (N.tsr and its README, step 7).
   $ ${STEP.extra}
   Must print only "NOTHING EXTRA".
${trustedTimeStep('en', 7)}
The custody log (custody/) is checked by dalel verify and verify.html: events.jsonl holds the
events about these items; proof.json proves, as an RFC 6962 Merkle proof, that they sit in the
monitor's whole log under the signed root, and that this log extends earlier exports. Keep the
checkpoint above: a later package must extend it (dalel verify new.zip --earlier this.zip).

=== РУССКИЙ ===

ЧТО ЭТО
Материалы из интернета, сохранённые правозащитником. SHA-256 каждого файла записан в
manifest.json, манифест подписан ключом Ed25519. Любое добавление, удаление или изменение файла
обнаруживается проверками ниже.

  report.html     отчёт для чтения (открывается в любом браузере без интернета)
  report.pdf      тот же отчёт в формате PDF (для подачи в суд)
  verify.html     копия программы проверки (см. ниже: не полагайтесь на эту копию)
  manifest.json   список всех файлов с хешем sha256, размером и типом
  statement.json  подписанное заявление (содержит sha256 файла manifest.json)
  statement.sig   подпись Ed25519 файла statement.json (64 байта)
  signer.pem      открытый ключ подписавшего
  SHA256SUMS      хеши файлов из manifest.json в формате sha256sum
  captures/       сохранённые файлы без изменений и запись о каждом сохранении
  records/        дела, лица и метки; custody/ журнал цепочки хранения
  timestamps/     если есть: метки времени на statement.sig (не подписаны, см. шаг 7)

ЧЕЙ ЭТО ПАКЕТ
Подпись доказывает, что пакет не менялся с момента подписи ключом, но не то, чей это ключ.
Получите отпечаток ключа от правозащитника по другому каналу (лично, по телефону). Этот файл
намеренно его не печатает: изменивший пакет напечатал бы свой.

ПРОВЕРЯЙТЕ ПРОГРАММОЙ, ПОЛУЧЕННОЙ НЕ ИЗ ЭТОГО ПАКЕТА
Изменивший пакет мог изменить и verify.html внутри него. Используйте:
  - опубликованный verify.html, проверив, что его SHA-256 совпадает с опубликованным
    (sha256sum verify.html); откройте его в Chrome, Firefox или Edge (интернет не нужен),
    введите отпечаток, выберите этот .zip; или
  - программу dalel:  dalel verify package.zip --key <отпечаток, полученный от правозащитника>
    Показывает и подтверждённое время (метки времени); для службы меток, которой нет среди
    известных, добавьте --tsa-ca <tsa-ca.pem>.
    Код выхода 0 — ДЕЙСТВИТЕЛЕН, 1 — НЕДЕЙСТВИТЕЛЕН, 2 — не читается, 3 — подпись цела, но
    отправитель НЕ подтверждён. dalel verify также сообщает, официальная ли сборка verify.html
    в пакете, а с "--extract checked" записывает ровно проверенные файлы.

ВРУЧНУЮ (bash, unzip, OpenSSL 3.0 или новее и sha256sum, как в Debian или Ubuntu; Windows: WSL).
Выполните каждую строку, начинающуюся с "$" (без "$"), в папке, где лежит package.zip.
1. Распаковать в новую папку:
   $ ${STEP.unpack}
2. Ключ: выводит 32 шестнадцатеричные цифры.
   $ ${STEP.fingerprint}
   Они должны совпасть с отпечатком, который сообщил отправитель, без дефисов. Если не
   совпадают — пакет НЕ от него.
3. Подпись (сначала отвергается вырожденный ключ, с которым «проходит» любая подпись):
   $ ${STEP.signature}
   Должно быть выведено "Signature Verified Successfully".
4. Манифест: его хеш — тот, что в подписанном заявлении.
   $ ${STEP.manifest}
   Должно быть выведено 1.
5. Файлы: SHA256SUMS — тот, что указан в подписанном манифесте, и все файлы ему соответствуют.
   $ ${STEP.sums}
   Должно быть выведено 1. Затем:
   $ ${STEP.files}
   Каждая строка должна заканчиваться на OK.
6. Лишних файлов нет: каждый файл — один из пяти выше, указан в SHA256SUMS или является меткой
   времени в timestamps/ (N.tsr и README, шаг 7).
   $ ${STEP.extra}
   Должно быть выведено только "NOTHING EXTRA".
${trustedTimeStep('ru', 7)}
Журнал цепочки хранения (custody/) проверяют dalel verify и verify.html: events.jsonl — события
об этих материалах; proof.json — доказательство Меркла (RFC 6962), что они стоят в полном журнале
монитора под подписанным корнем и что журнал продолжает прежние выгрузки. Сохраните контрольную
точку выше: следующий пакет должен её продолжать (dalel verify new.zip --earlier this.zip).
${readmeKazakh(STEP)}`;
}
