import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarks } from '../../bench/registry';
import type { BenchResult } from '../../bench/types';
import { EXIT, UsageError, type Command } from '../command';

const usage = `Usage: dalel bench [name…]

Runs benchmarks and prints ours next to a baseline measured in the same run, their ratio
(higher is better), the goal and the peak extra memory.
Benchmarks: ${benchmarks.map((b) => b.name).join(', ')}.`;

function table(rows: BenchResult[]): string {
  const head = ['benchmark', 'ours', 'baseline', 'ratio', 'goal', 'extra MB', 'verdict', 'notes'];
  const body = rows.map((r) => {
    const ratio = r.ours / r.baseline;
    const memOk = r.memoryLimitMb === null || (r.extraMemoryMb ?? 0) < r.memoryLimitMb;
    return [
      `${r.name} vs ${r.baselineName}`,
      r.ours.toFixed(2),
      r.baseline.toFixed(2),
      `${ratio.toFixed(2)}x`,
      r.goal ? `>=${r.goal}x` : '-',
      r.extraMemoryMb === null ? '-' : r.extraMemoryMb.toFixed(0),
      r.goal === 0 ? '(info)' : ratio >= r.goal && memOk ? 'meets goal' : 'BELOW GOAL',
      r.notes ?? '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [head, ...body]
    .map((cells) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  '))
    .join('\n');
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'benchmark capture latency (and more) against baselines measured in the same run',
  usage,
  async run(args, io) {
    const unknown = args.filter((n) => !benchmarks.some((b) => b.name === n));
    if (unknown.length) throw new UsageError(`unknown benchmark(s): ${unknown.join(', ')}`);
    const results: BenchResult[] = [];
    for (const bench of benchmarks.filter((b) => args.length === 0 || args.includes(b.name))) {
      const dir = await mkdtemp(join(tmpdir(), `dalel-bench-${bench.name}-`));
      io.err(`bench ${bench.name}: ${bench.summary}…`);
      try {
        results.push(...(await bench.run({ sizeMb: 0, dir, log: (t) => io.err(`  ${t}`) })));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    io.out(table(results));
    return EXIT.ok;
  },
};
