import { rm } from 'node:fs/promises';
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

const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);

const usage = `Usage: dalel demo-package <out.zip> [--lang en|ru|kk]

Builds a signed evidence package from FICTIONAL sample captures through the same code path the
extension uses — the Dexie store and its repositories (in memory here), the export selection and
the package writer — with a fresh signing key, and prints the key's fingerprint. --lang: the
language of report.html and report.pdf (English by default).`;

export const demoPackageCommand: Command = {
  name: 'demo-package',
  summary: 'build a signed sample evidence package (fictional data)',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, { lang: 'string' });
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
      const result = await writePackage(input, sink.target, {
        primitives: nodePrimitives,
        reportFont: readReportFont,
      });
      await sink.close();
      io.out(
        `Wrote ${out}: package ${result.manifest.packageId}, ${result.manifest.files.length} files, ${result.size} bytes`,
      );
      io.out(`Signer fingerprint: ${key.fingerprint}`);
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
