import { existsSync, readFileSync } from 'node:fs';
import type { Checkpoint } from '../../lib/evidence/custody';
import { normalizeFingerprint } from '../../lib/evidence/signing';
import { verifyPackage } from '../../lib/evidence/verify';
import { formatFailures, type VerifyReport } from '../../lib/evidence/verify-report';
import { EXIT, UsageError, type Command, type Io } from '../command';
import { nodePrimitives } from '../node/primitives';
import { fileSource } from '../node/files';
import { parseArgs } from '../parse-args';

const usage = `Usage: dalel verify <package.zip> [--key <fingerprint | public key file>] [--earlier <older-package.zip>] [--json]

Checks an evidence package offline: every file's size and SHA-256 against the signed manifest,
no missing or extra files, safe names, the Ed25519 signature, the custody chain, and (with --key)
that the signer is the key you expect. With --earlier, the custody log must extend the log of an
older package from the same monitor (detects a truncated or rewritten log).
Exit 0 valid, 1 invalid (reasons listed), 2 unreadable or bad usage.`;

async function earlierCheckpoint(path: string | undefined): Promise<Checkpoint[]> {
  if (path === undefined) return [];
  const source = await fileSource(path).catch((error: Error) => {
    throw new UsageError(`--earlier: cannot read ${path}: ${error.message}`);
  });
  try {
    const report = await verifyPackage(source, { primitives: nodePrimitives });
    if (report.verdict !== 'valid' || !report.manifest) {
      throw new UsageError(
        `--earlier: ${path} is not a valid package (${formatFailures(report)[0] ?? report.verdict})`,
      );
    }
    return [report.manifest.custody.checkpoint];
  } finally {
    await source.close();
  }
}

function pinnedKey(value: string | undefined): string | Uint8Array | undefined {
  if (value === undefined) return undefined;
  if (normalizeFingerprint(value)) return value;
  if (!existsSync(value))
    throw new UsageError(`--key: "${value}" is neither a fingerprint nor a file`);
  const bytes = readFileSync(value);
  const text = bytes.toString('utf8');
  return /^[\s\w+/=-]+$/.test(text) ? text : new Uint8Array(bytes);
}

function human(report: VerifyReport, path: string, io: Io): void {
  const id = report.manifest ? ` package ${report.manifest.packageId}` : '';
  if (report.verdict === 'valid') {
    io.out(`VALID: ${path}${id}, ${report.files} files, ${report.bytes} bytes checked`);
    io.out(
      report.pinned === 'match'
        ? `Signed by the pinned key ${report.fingerprint}.`
        : `Signed by key ${report.fingerprint} (NOT PINNED: compare this fingerprint with the sender's, or pass --key).`,
    );
    // Originals left out on purpose (they show the monitor's own account): listed, not missing.
    const withheld = report.manifest?.withheld ?? [];
    if (withheld.length) {
      io.out(`Withheld: ${withheld.length} file(s), hash listed, bytes not included:`);
      for (const w of withheld)
        io.out(
          `  - ${w.path} ${w.sha256} (${w.size} bytes; ${w.reason}${w.redactedCopy ? `, redacted copy ${w.redactedCopy}` : ''})`,
        );
    }
    return;
  }
  io.out(`${report.verdict.toUpperCase()}: ${path}${id}`);
  for (const line of formatFailures(report)) io.out(`  - ${line}`);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify an evidence package offline (hashes, signature, custody)',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      key: 'string',
      earlier: 'string',
      json: 'boolean',
    });
    if (positional.length !== 1) throw new UsageError('expected exactly one package path');
    const path = positional[0]!;
    const key = pinnedKey(options.key as string | undefined);
    const earlierCheckpoints = await earlierCheckpoint(options.earlier as string | undefined);
    let source;
    try {
      source = await fileSource(path);
    } catch (error) {
      io.err(`dalel verify: cannot read ${path}: ${(error as Error).message}`);
      return EXIT.usage;
    }
    try {
      const report = await verifyPackage(source, {
        pinnedKey: key,
        earlierCheckpoints,
        primitives: nodePrimitives,
      });
      if (options.json) {
        const { manifest, ...rest } = report;
        io.out(JSON.stringify({ path, packageId: manifest?.packageId ?? null, ...rest }, null, 2));
      } else {
        human(report, path, io);
      }
      return { valid: EXIT.ok, invalid: EXIT.failed, unreadable: EXIT.usage }[report.verdict];
    } finally {
      await source.close();
    }
  },
};
