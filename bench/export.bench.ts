import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { nodePrimitives } from '../cli/node/primitives';
import { fileSink } from '../cli/node/files';
import { writePackage } from '../lib/evidence/package-writer';
import { generateSigningKey } from '../lib/evidence/signing';
import { mixedArtifacts } from './fixtures';
import { measure, median, shell } from './measure';
import type { Benchmark } from './types';

/** Export a package of the fixture to `out`; used by the verify benchmark too. */
export async function exportTo(
  input: Parameters<typeof writePackage>[0],
  out: string,
): Promise<void> {
  const sink = await fileSink(out);
  try {
    await writePackage(input, sink.target, { primitives: nodePrimitives });
  } finally {
    await sink.close();
  }
}

export const exportBench: Benchmark = {
  name: 'export',
  summary: 'streaming package export of mixed artifacts vs zip -0',
  async run(ctx) {
    const fixture = await mixedArtifacts(ctx.dir, ctx.sizeMb);
    const key = await generateSigningKey();
    const input = await fixture.input(key);
    const mb = fixture.bytes / 1e6;
    ctx.log(`${input.captures.length} captures, ${mb.toFixed(0)} MB of artifacts`);
    const ours: number[] = [];
    const base: number[] = [];
    let extra = 0;
    for (let r = 0; r < 2; r++) {
      const out = join(ctx.dir, `ours-${r}.zip`);
      const m = await measure(() => exportTo(input, out));
      ours.push(mb / m.seconds);
      extra = Math.max(extra, m.extraMb);
      base.push(
        mb / (await shell(`zip -0 -q -r ${join(ctx.dir, `base-${r}.zip`)} .`, fixture.dir)).seconds,
      );
    }
    ctx.log(`package ${((await stat(join(ctx.dir, 'ours-0.zip'))).size / 1e6).toFixed(0)} MB`);
    return [
      {
        name: `export ${mb.toFixed(0)} MB`,
        ours: median(ours),
        baseline: median(base),
        baselineName: 'zip -0 -r',
        goal: 0.5,
        extraMemoryMb: extra,
        memoryLimitMb: 300,
      },
    ];
  },
};
