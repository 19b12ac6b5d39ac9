import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { LAYOUT } from '../../lib/evidence/manifest';
import { annexTokenNumber, TIMESTAMPS } from '../../lib/evidence/timestamp/annex';
import { httpTransport } from '../../lib/evidence/timestamp/http';
import { stampStatement } from '../../lib/evidence/timestamp/stamp-statement';
import { verifyPackage } from '../../lib/evidence/verify';
import { formatFailures } from '../../lib/evidence/verify-report';
import { METHOD_DEFLATE } from '../../lib/evidence/zip/format';
import { openZip, readEntry, readEntryBytes, type ZipEntry } from '../../lib/evidence/zip/reader';
import type { ZipSource } from '../../lib/evidence/zip/source';
import { ZipWriter } from '../../lib/evidence/zip/writer';
import { EXIT, UsageError, type Command } from '../command';
import { fileSink, fileSource } from '../node/files';
import { nodePrimitives } from '../node/primitives';
import { parseArgs } from '../parse-args';
import { stampLines } from '../stamp-lines';
import { tsaAnchors, tsaSettings } from '../tsa-args';

const usage = `Usage: dalel stamp <package.zip> --tsa <url> [--tsa <url>]... [--tsa-ca <ca.pem>]... [--out <new.zip>]

Adds RFC 3161 time-stamp tokens over the package's statement.sig (only its SHA-256 is sent to
the TSA) as timestamps/<n>.tsr. Tokens sit outside the signed manifest, so the signature and
every file stay exactly as they were; existing tokens are kept. The package must verify first.
--tsa-ca is the CA the tokens must chain to (default: the shipped TSA roots). Writes in place
unless --out is given. Exit 0 when at least one token was added, 1 otherwise (package unchanged).`;

function entryStream(source: ZipSource, entry: ZipEntry): ReadableStream<Uint8Array> {
  const chunks = readEntry(source, entry, nodePrimitives);
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

export const stampCommand: Command = {
  name: 'stamp',
  summary: 'add RFC 3161 time-stamp tokens to an existing package',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      tsa: 'strings',
      'tsa-ca': 'strings',
      out: 'string',
    });
    if (positional.length !== 1) throw new UsageError('expected exactly one package path');
    const path = positional[0]!;
    const caFiles = options['tsa-ca'] as string[] | undefined;
    const { tsas, keepUntrusted } = tsaSettings(options.tsa as string[] | undefined, caFiles);
    if (tsas.length === 0) throw new UsageError('give at least one --tsa <url>');
    const out = (options.out as string | undefined) ?? path;

    const source = await fileSource(path).catch((error: Error) => {
      throw new UsageError(`cannot read ${path}: ${error.message}`);
    });
    let closing: Promise<void> | undefined;
    const closeSource = () => (closing ??= source.close());
    const tmp = `${out}.stamping-${randomBytes(4).toString('hex')}`;
    try {
      const report = await verifyPackage(source, {
        tsaAnchors: tsaAnchors(caFiles),
        primitives: nodePrimitives,
      });
      // Sound is enough (valid or unconfirmed): stamping needs no pin, it adds no trust.
      if (report.verdict !== 'valid' && report.verdict !== 'unconfirmed') {
        io.err(
          `dalel stamp: ${path} is ${report.verdict}; a package is stamped only when it verifies:`,
        );
        for (const line of formatFailures(report)) io.err(`  - ${line}`);
        return EXIT.failed;
      }
      const archive = await openZip(source);
      const sigEntry = archive.entries.find((e) => e.name === LAYOUT.signature)!;
      const signature = await readEntryBytes(source, sigEntry, nodePrimitives, 1024);
      const last = Math.max(0, ...archive.entries.map((e) => annexTokenNumber(e.name) ?? 0));
      const annex = await stampStatement(signature, tsas, httpTransport(), {
        firstNumber: last + 1,
        keepUntrusted,
      });
      for (const line of stampLines(annex.summary)) io.out(line);
      if (!annex.summary.some((s) => s.ok)) {
        io.err(`dalel stamp: no token obtained; ${path} is unchanged`);
        return EXIT.failed;
      }
      const sink = await fileSink(tmp);
      try {
        const zip = new ZipWriter(sink.target, {
          primitives: nodePrimitives,
          modified: new Date(),
        });
        for (const entry of archive.entries) {
          if (entry.name === TIMESTAMPS.readme) continue; // replaced below
          await zip.add({
            name: entry.name,
            data: entryStream(source, entry),
            size: entry.size,
            compress: entry.method === METHOD_DEFLATE,
          });
        }
        for (const entry of annex.entries)
          await zip.add({
            name: entry.name,
            data: entry.data,
            compress: entry.name === TIMESTAMPS.readme,
          });
        await zip.finish();
      } finally {
        await sink.close();
      }
      // Closed before the rename: Windows cannot replace a file that is still open.
      await closeSource();
      await rename(tmp, out);
      io.out(`Wrote ${out}`);
      return EXIT.ok;
    } finally {
      await closeSource();
      await rm(tmp, { force: true });
    }
  },
};
