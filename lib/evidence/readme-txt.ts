import type { Checkpoint } from './custody';
import { readmeKazakh } from './readme-kk';

export interface PackageMeta {
  packageId: string;
  created: string;
  tool: { name: string; version: string };
  fingerprint: string;
  checkpoint: Checkpoint;
}

const EXTRA =
  '! -name manifest.json ! -name statement.json ! -name statement.sig ! -name signer.pem ! -name SHA256SUMS';

/** README.txt: what the package is and how to verify it by hand (English, Russian, Kazakh). */
export function readmeText(meta: PackageMeta): string {
  const id = `Package ${meta.packageId}, created ${meta.created} by ${meta.tool.name} ${meta.tool.version}.`;
  return `DALEL EVIDENCE PACKAGE
${id}
Signer key fingerprint: ${meta.fingerprint}
Custody log checkpoint: ${meta.checkpoint.size} events, head ${meta.checkpoint.head}
Custody log root (RFC 6962): ${meta.checkpoint.root}

=== ENGLISH ===

WHAT THIS IS
Online material captured by a human-rights monitor, with every file's SHA-256 hash listed in
manifest.json and an Ed25519 signature over it. Nothing can be added, removed or changed without
the checks below failing.

  report.html     human-readable report (open in any browser, works offline)
  report.pdf      the same report as a PDF (for court filings)
  verify.html     automatic verifier: open it in a browser, choose this .zip, read every check
  manifest.json   list of every file with its sha256 hash, size and type
  statement.json  the signed statement (contains the sha256 of manifest.json)
  statement.sig   Ed25519 signature of statement.json (64 bytes)
  signer.pem      the signer's public key
  SHA256SUMS      the hashes of manifest.json in sha256sum format
  captures/       the captured files, exactly as captured, and each capture's record
  records/        cases, persons and tags; custody/ the chain-of-custody log

EASIEST: open verify.html in Chrome, Firefox or Edge (no internet needed), choose this .zip file.
Or, with the dalel tool: dalel verify package.zip --key ${meta.fingerprint}

BY HAND (Linux/macOS terminal, OpenSSL 3.0 or newer; Windows: Git Bash or WSL)
1. Unpack:      unzip package.zip -d package && cd package
2. Signer:      openssl pkey -pubin -in signer.pem -outform DER | tail -c 32 | sha256sum
   The first 32 hex digits must equal the fingerprint (without dashes) that the sender gave you
   over a separate channel (in person, by phone). If they differ, the package is NOT from them.
3. Signature:   openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig
   Must print "Signature Verified Successfully".
4. Manifest:    sha256sum manifest.json
   Must equal the "manifest" value inside statement.json (after "sha256:").
5. Files:       sha256sum -c SHA256SUMS
   Every line must say OK. Then: grep -c "$(sha256sum SHA256SUMS | cut -c1-64)" manifest.json
   must print 1 (SHA256SUMS itself is listed in the signed manifest).
6. Nothing extra:  find . -type f ${EXTRA} | sed 's|^\\./||' | sort | diff - <(cut -c67- SHA256SUMS | sort)
   Must print nothing.
The custody log (custody/) is checked by verify.html and dalel verify: events.jsonl holds the
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
  verify.html     автоматическая проверка: откройте в браузере и выберите этот .zip
  manifest.json   список всех файлов с хешем sha256, размером и типом
  statement.json  подписанное заявление (содержит sha256 файла manifest.json)
  statement.sig   подпись Ed25519 файла statement.json (64 байта)
  signer.pem      открытый ключ подписавшего
  SHA256SUMS      хеши файлов из manifest.json в формате sha256sum
  captures/       сохранённые файлы без изменений и запись о каждом сохранении
  records/        дела, лица и метки; custody/ журнал цепочки хранения

ПРОЩЕ ВСЕГО: откройте verify.html в Chrome, Firefox или Edge (интернет не нужен) и выберите этот .zip.
Или программой dalel: dalel verify package.zip --key ${meta.fingerprint}

ВРУЧНУЮ (терминал Linux/macOS, OpenSSL 3.0 или новее; Windows: Git Bash или WSL)
1. Распаковать: unzip package.zip -d package && cd package
2. Ключ:        openssl pkey -pubin -in signer.pem -outform DER | tail -c 32 | sha256sum
   Первые 32 шестнадцатеричные цифры должны совпасть с отпечатком (без дефисов), который
   отправитель сообщил вам отдельно (лично, по телефону). Если не совпадают — пакет НЕ от него.
3. Подпись:     openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig
   Должно быть выведено "Signature Verified Successfully".
4. Манифест:    sha256sum manifest.json
   Должен совпасть со значением "manifest" в statement.json (после "sha256:").
5. Файлы:       sha256sum -c SHA256SUMS
   Каждая строка должна заканчиваться на OK. Затем: grep -c "$(sha256sum SHA256SUMS | cut -c1-64)" manifest.json
   должно вывести 1 (сам SHA256SUMS указан в подписанном манифесте).
6. Лишних файлов нет:  find . -type f ${EXTRA} | sed 's|^\\./||' | sort | diff - <(cut -c67- SHA256SUMS | sort)
   Не должно быть вывода.
Журнал цепочки хранения (custody/) проверяют verify.html и dalel verify: events.jsonl — события
об этих материалах; proof.json — доказательство Меркла (RFC 6962), что они стоят в полном журнале
монитора под подписанным корнем и что журнал продолжает прежние выгрузки. Сохраните контрольную
точку выше: следующий пакет должен её продолжать (dalel verify new.zip --earlier this.zip).
${readmeKazakh(meta, EXTRA)}`;
}
