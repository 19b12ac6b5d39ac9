import { join } from 'node:path';
import { nodePrimitives } from '../cli/node/primitives';
import { fileSource } from '../cli/node/files';
import { generateSigningKey } from '../lib/evidence/signing';
import { verifyPackage } from '../lib/evidence/verify';
import { exportTo } from './export.bench';
import { mixedArtifacts } from './fixtures';
import { measure, median, shell } from './measure';
import type { Benchmark } from './types';

export const verifyBench: Benchmark = {
  name: 'verify',
  summary: 'full package verification (streaming reader) vs unzip -p | sha256sum',
  async run(ctx) {
    const fixture = await mixedArtifacts(ctx.dir, ctx.sizeMb);
    const key = await generateSigningKey();
    const pkg = join(ctx.dir, 'package.zip');
    await exportTo(await fixture.input(key), pkg);
    const source = await fileSource(pkg);
    const mb = source.size / 1e6;
    const ours: number[] = [];
    const base: number[] = [];
    let extra = 0;
    try {
      for (let r = 0; r < 2; r++) {
        const m = await measure(() =>
          verifyPackage(source, { primitives: nodePrimitives, pinnedKey: key.fingerprint }),
        );
        if (m.value.verdict !== 'valid')
          throw new Error(`benchmark package did not verify: ${JSON.stringify(m.value.failures)}`);
        ours.push(mb / m.seconds);
        extra = Math.max(extra, m.extraMb);
        base.push(mb / (await shell(`unzip -p ${pkg} | sha256sum`)).seconds);
      }
    } finally {
      await source.close();
    }
    return [
      {
        name: `verify ${mb.toFixed(0)} MB package`,
        ours: median(ours),
        baseline: median(base),
        baselineName: 'unzip -p | sha256sum',
        goal: 2,
        extraMemoryMb: extra,
        memoryLimitMb: 200,
      },
    ];
  },
};
