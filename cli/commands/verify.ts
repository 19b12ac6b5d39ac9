import { existsSync, readFileSync } from 'node:fs';
import { LAYOUT } from '../../lib/evidence/manifest';
import { sha256RefOf } from '../../lib/evidence/sha256';
import { fingerprintOf, normalizeFingerprint, parsePublicKey } from '../../lib/evidence/signing';
import { verifyPackage, type EarlierPackage } from '../../lib/evidence/verify';
import { VERIFY_HTML } from '../../lib/evidence/verifier-page/verify-html.generated';
import {
  checkText,
  formatFailures,
  type Check,
  type VerifyReport,
} from '../../lib/evidence/verify-report';
import { outcome, renderOutcome } from '../../lib/evidence/verify-messages';
import { EXIT, UsageError, type Command, type Io } from '../command';
import { ExtractDir } from '../node/extract-dir';
import { fileSource } from '../node/files';
import { nodePrimitives } from '../node/primitives';
import { parseArgs } from '../parse-args';
import { revocationArgs } from '../revocation-args';
import { tsaAnchors } from '../tsa-args';
import { MARKS, timestampLines, timestampSummary } from '../../lib/evidence/timestamp/format';
import {
  VERIFIER_LANGUAGES,
  VERIFIER_WORDS,
  type VerifierLanguage,
} from '../../lib/evidence/verifier-language';
import { VERIFY_WORDS } from '../verify-words';

const usage = `Usage: dalel verify <package.zip> [--key <fingerprint>] [--earlier <older-package.zip>]
                    [--tsa-ca <ca.pem>]... [--revocation <code | file>]... [--compromised-since <date>]
                    [--extract <new-directory>] [--json] [--lang en|ru|kk]

Checks an evidence package offline: that every ZIP tool reads the same files from it, every
file's size and SHA-256 against the signed manifest, no missing or extra files, safe names, the
Ed25519 signature, the custody log (each capture sealed as its custody event says, each tag with
its event), whom it is from, and when it existed by (RFC 3161 time-stamp tokens).

  --key       the signer's key fingerprint as the sender told it to you over a second channel
              (in person, by phone). Without it the signer is NOT confirmed. A public key file is
              not a pin: the package carries its own signer.pem, and whoever altered the package
              would give you theirs (a key file can make the check fail, never pass).
  --earlier   an older package from the same monitor: this package's custody log must extend
              its log, and be signed by the same key or by a key it handed over to by a
              statement signed with the old key.
  --tsa-ca    a CA certificate (PEM) to trust for time-stamp tokens (repeatable). The roots of
              the TSAs Dalel offers are trusted without it. Each token (timestamps/N.tsr over
              statement.sig, captures/*/timestamps/N.tsr over a capture's seal) is checked on its
              own: imprint, signature, time-stamping certificate, chain to a trusted CA at the
              token's time; the earliest trusted time is shown. A bad or untrusted token gives no
              trusted time and never changes the verdict.
  --revocation  the signer's key revocation code (DALEL-REVOKE-1 …) the monitor gave you; with
              --compromised-since (the date the key was lost or seized) the package is VALID only
              if a trusted time-stamp shows it was signed before that date.
  --extract   write the package's files, exactly the bytes that were checked, into this new
              directory (only if the package verifies; nothing is written otherwise).
  --lang      the language of the report: en (default), ru (Russian) or kk (Kazakh); the codes
              in --json stay the same, their "message" stays English.

Exit codes:
  0  VALID: every check passed and the signer is the key you gave with --key
     (or a key it handed over to by a statement signed with it)
  1  INVALID: a check failed; the reasons are listed
  2  UNREADABLE: not a ZIP, or cut short; also a file that cannot be read, or bad usage
  3  NOT CONFIRMED: every check passed, but no fingerprint was given to confirm the signer:
     the signature is intact, whose it is is not known`;

/** SHA-256 of the verify.html this build of dalel ships: a package's copy is compared with it. */
export const officialVerifierHash = (): Promise<string> =>
  sha256RefOf(new TextEncoder().encode(VERIFY_HTML));

async function earlierPackage(path: string | undefined): Promise<EarlierPackage[]> {
  if (path === undefined) return [];
  const source = await fileSource(path).catch((error: Error) => {
    throw new UsageError(`--earlier: cannot read ${path}: ${error.message}`);
  });
  try {
    const report = await verifyPackage(source, { primitives: nodePrimitives });
    if (report.verdict === 'invalid' || report.verdict === 'unreadable' || !report.manifest)
      throw new UsageError(
        `--earlier: ${path} is not a valid package (${formatFailures(report)[0] ?? report.verdict})`,
      );
    return [{ checkpoint: report.manifest.custody.checkpoint, signer: report.fingerprint! }];
  } finally {
    await source.close();
  }
}

/** A fingerprint is a pin; a key file only ever names a fingerprint to fail against. */
async function expectedKey(
  value: string | undefined,
): Promise<{ fingerprint: string; fromKeyFile: boolean } | undefined> {
  if (value === undefined) return undefined;
  if (normalizeFingerprint(value)) return { fingerprint: value, fromKeyFile: false };
  if (!existsSync(value))
    throw new UsageError(`--key: "${value}" is neither a fingerprint nor a file`);
  const bytes = readFileSync(value);
  const text = bytes.toString('utf8');
  const typed = normalizeFingerprint(text.trim());
  if (typed) return { fingerprint: typed, fromKeyFile: false };
  let raw: Uint8Array;
  try {
    raw = parsePublicKey(/^[\s\w+/=-]+$/.test(text) ? text : new Uint8Array(bytes));
  } catch {
    throw new UsageError(`--key: ${value} holds neither a fingerprint nor an Ed25519 public key`);
  }
  return { fingerprint: await fingerprintOf(raw), fromKeyFile: true };
}

/**
 * A key file that matches the signer confirms nothing (it may be the package's own signer.pem):
 * the verdict stays "not confirmed". One that does not match still fails.
 */
function keyFileIsNoPin(report: VerifyReport): VerifyReport {
  if (report.pinned !== 'match' && report.pinned !== 'rotated') return report;
  const drop = (c: Check) => c.code !== 'pin_match' && c.code !== 'pin_via_rotation';
  const note = (code: 'key_file_not_pin' | 'signer_unconfirmed'): Check => {
    const o =
      code === 'key_file_not_pin'
        ? outcome('key_file_not_pin')
        : outcome('signer_unconfirmed', { fingerprint: report.fingerprint ?? '' });
    return { ...o, ok: true, file: LAYOUT.publicKey, message: renderOutcome(o) };
  };
  return {
    ...report,
    verdict: report.verdict === 'valid' ? 'unconfirmed' : report.verdict,
    pinned: 'unpinned',
    passed: report.passed.filter(drop),
    notes: [note('key_file_not_pin'), note('signer_unconfirmed'), ...report.notes],
  };
}

function human(report: VerifyReport, path: string, io: Io, lang: VerifierLanguage): void {
  const w = VERIFY_WORDS[lang];
  const words = VERIFIER_WORDS[lang];
  const say = (c: Check) => checkText(c, words.checks);
  const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  const id = report.manifest ? w.packageId(report.manifest.packageId) : '';
  const about = w.checked(report.files, report.bytes);
  if (report.verdict === 'valid') {
    io.out(`${w.verdict.valid}: ${path}${id}, ${about}`);
    const how = report.passed.find((c) => c.code === 'pin_match' || c.code === 'pin_via_rotation');
    if (how) io.out(sentence(say(how)));
  } else if (report.verdict === 'unconfirmed') {
    io.out(`${w.verdict.unconfirmed}: ${path}${id}, ${about}: ${w.unconfirmed}`);
    io.out(`  ${w.signerKey}: ${report.fingerprint}`);
    io.out(`  ${w.compare(path)}`);
  } else {
    io.out(`${w.verdict[report.verdict]}: ${path}${id}`);
    for (const f of report.failures) io.out(`  - ${f.file ? `${f.file}: ` : ''}${say(f)}`);
  }
  // Originals left out on purpose (they show the monitor's own account): listed, not missing.
  // Only for a manifest whose signature held: an invalid package's list says nothing.
  if (report.verdict === 'valid' || report.verdict === 'unconfirmed')
    withheldLines(report, io, lang);
  for (const note of report.notes)
    if (note.code !== 'signer_unconfirmed' && note.code !== 'timestamp_not_trusted')
      io.out(`${w.note}: ${note.file ? `${note.file}: ` : ''}${say(note)}`);
  const verifier = report.passed.find((c) => c.code === 'verifier_official');
  if (verifier) io.out(`${verifier.file}: ${say(verifier)}`);
  if (report.verdict === 'unreadable') return;
  const revoked = report.passed.find((c) => c.code === 'revocation_before_loss');
  if (revoked) io.out(sentence(say(revoked)));
  io.out(timestampSummary(report.timestamps, words.time));
  for (const line of timestampLines(report.timestamps, words.time))
    io.out(`  ${MARKS[line.mark]} ${line.text}`);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify an evidence package offline (ZIP form, hashes, signature, custody, signer)',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      key: 'string',
      earlier: 'string',
      extract: 'string',
      'tsa-ca': 'strings',
      revocation: 'strings',
      'compromised-since': 'string',
      json: 'boolean',
      lang: 'string',
    });
    const lang = (options.lang ?? 'en') as VerifierLanguage;
    if (!VERIFIER_LANGUAGES.includes(lang))
      throw new UsageError(`--lang: "${String(options.lang)}" is not one of en, ru, kk`);
    if (positional.length !== 1) throw new UsageError('expected exactly one package path');
    const path = positional[0]!;
    const key = await expectedKey(options.key as string | undefined);
    const earlier = await earlierPackage(options.earlier as string | undefined);
    const anchors = tsaAnchors(options['tsa-ca'] as string[] | undefined);
    const revocations = await revocationArgs(
      options.revocation as string[] | undefined,
      options['compromised-since'] as string | undefined,
    );
    let extract: ExtractDir | null = null;
    if (options.extract !== undefined) {
      try {
        extract = new ExtractDir(options.extract as string);
      } catch (error) {
        throw new UsageError(`--extract: ${(error as Error).message}`);
      }
    }
    let source;
    try {
      source = await fileSource(path);
    } catch (error) {
      io.err(`dalel verify: cannot read ${path}: ${(error as Error).message}`);
      return EXIT.usage;
    }
    try {
      await extract?.begin();
      let report = await verifyPackage(source, {
        pinnedKey: key?.fingerprint,
        earlier,
        officialVerifier: await officialVerifierHash(),
        tsaAnchors: anchors,
        revocations,
        primitives: nodePrimitives,
        ...(extract ? { extract: extract.sink } : {}),
      });
      if (key?.fromKeyFile) report = keyFileIsNoPin(report);
      const good = report.verdict === 'valid' || report.verdict === 'unconfirmed';
      if (extract) await (good ? extract.commit() : extract.discard());
      if (options.json) {
        const { manifest, ...rest } = report;
        io.out(JSON.stringify({ path, packageId: manifest?.packageId ?? null, ...rest }, null, 2));
      } else {
        human(report, path, io, lang);
        if (extract)
          io.out(
            good ? VERIFY_WORDS[lang].extracted(extract.target) : VERIFY_WORDS[lang].notExtracted,
          );
      }
      return {
        valid: EXIT.ok,
        unconfirmed: EXIT.unconfirmed,
        invalid: EXIT.failed,
        unreadable: EXIT.usage,
      }[report.verdict];
    } catch (error) {
      await extract?.discard();
      throw error;
    } finally {
      await source.close();
    }
  },
};

function withheldLines(report: VerifyReport, io: Io, lang: VerifierLanguage): void {
  const withheld = report.manifest?.withheld ?? [];
  if (!withheld.length) return;
  const w = VERIFY_WORDS[lang];
  io.out(w.withheld(withheld.length));
  for (const x of withheld)
    io.out(
      `  - ${x.path} ${x.sha256} (${w.withheldLine(x.size, x.reason, x.redactedCopy ?? null)})`,
    );
}
