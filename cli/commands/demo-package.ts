import { rm, writeFile } from 'node:fs/promises';
import { makeRevocation } from '../../lib/evidence/revocation';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { seedDemoStore } from '../../lib/demo/seed-store';
import { eventHashSync } from '../../lib/evidence/custody';
import { writePackage } from '../../lib/evidence/package-writer';
import { generateSigningKey } from '../../lib/evidence/signing';
import { buildPackageInput } from '../../lib/services/export-input';
import { DalelDb } from '../../lib/store/db';
import { Store } from '../../lib/store/store';
import { EXIT, UsageError, type Command } from '../command';
import { nodePrimitives } from '../node/primitives';
import { fileSink } from '../node/files';
import { parseArgs } from '../parse-args';
import { readReportFont, TOOL } from '../tool';
import { LANGUAGES, type Language } from '../../lib/i18n/translator';
import { tsaSettings } from '../tsa-args';
import { stampLines } from '../stamp-lines';
import { httpTransport } from '../../lib/evidence/timestamp/http';
import { stampStatement } from '../../lib/evidence/timestamp/stamp-statement';

const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);

const usage = `Usage: dalel demo-package <out.zip> [--lang en|ru|kk] [--tsa <url>]... [--tsa-ca <ca.pem>]... [--revocation-out <file>]

Builds a signed evidence package from FICTIONAL sample captures through the same code path the
extension uses — the Dexie store and its repositories (in memory here), the export selection and
the package writer — with a fresh signing key, and prints the key's fingerprint. --lang: the
language of report.html and report.pdf (English by default).
--tsa (repeatable) time-stamps statement.sig with that RFC 3161 TSA, as an export does (only its
SHA-256 is sent); --tsa-ca is the CA its tokens must chain to (default: the shipped TSA roots; a
token that chains to neither is kept with a warning). --revocation-out writes the demo key's
revocation code (what a monitor prints and keeps off the device).`;

export const demoPackageCommand: Command = {
  name: 'demo-package',
  summary: 'build a signed sample evidence package (fictional data)',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, {
      lang: 'string',
      tsa: 'strings',
      'tsa-ca': 'strings',
      'revocation-out': 'string',
    });
    const { tsas, keepUntrusted } = tsaSettings(
      options.tsa as string[] | undefined,
      options['tsa-ca'] as string[] | undefined,
    );
    if (positional.length !== 1) throw new UsageError('expected exactly one output path');
    const language = (options.lang as string | undefined) ?? 'en';
    if (!isLanguage(language)) throw new UsageError(`--lang: expected en, ru or kk`);
    const out = positional[0]!;
    const key = await generateSigningKey();
    const db = new DalelDb('dalel-demo', { indexedDB: new IDBFactory(), IDBKeyRange });
    const store = new Store({
      db,
      now: () => new Date(),
      actor: () => key.fingerprint,
      hashEvent: eventHashSync,
    });
    const { caseId } = await seedDemoStore(store);
    const input = await buildPackageInput(
      store,
      { kind: 'case', ids: [caseId] },
      { signer: key, tool: TOOL, now: new Date(), language },
    );
    const sink = await fileSink(out);
    try {
      if (tsas.length)
        input.stampSignature = (sig) =>
          stampStatement(sig, tsas, httpTransport(), { keepUntrusted });
      const result = await writePackage(input, sink.target, {
        primitives: nodePrimitives,
        reportFont: readReportFont,
      });
      await sink.close();
      io.out(
        `Wrote ${out}: package ${result.manifest.packageId}, ${result.manifest.files.length} files, ${result.size} bytes`,
      );
      io.out(`Signer fingerprint: ${key.fingerprint}`);
      for (const line of stampLines(result.timestamps)) io.out(line);
      const revocationOut = options['revocation-out'] as string | undefined;
      if (revocationOut) {
        const { code } = await makeRevocation(key, new Date());
        await writeFile(revocationOut, `${code}\n`);
        io.out(`Revocation code of this key: ${revocationOut}`);
      }
      return EXIT.ok;
    } catch (error) {
      await sink.close();
      await rm(out, { force: true });
      throw error;
    } finally {
      db.close();
    }
  },
};
