import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarks } from '../../bench/registry';
import type { BenchResult } from '../../bench/types';
import { EXIT, UsageError, type Command, type Io } from '../command';
import { parseArgs } from '../parse-args';

const usage = `Usage: dalel bench [name…] [--size-mb N]

Runs benchmarks and prints our throughput next to a native baseline measured in the same run,
their ratio, the goal and the peak extra memory. Default size: 1024 MB (the issue's 1 GB runs).
Benchmarks: ${benchmarks.map((b) => b.name).join(', ')}.`;

function table(rows: BenchResult[]): string {
  const head = ['benchmark', 'ours', 'baseline', 'ratio', 'goal', 'extra MB', 'verdict', 'notes'];
  // Rates below 10 (captures/s) need decimals; MB/s do not.
  const num = (n: number) => n.toFixed(n < 10 ? 2 : 0);
  const body = rows.map((r) => {
    const ratio = r.ours / r.baseline;
    const memOk = r.memoryLimitMb === null || (r.extraMemoryMb ?? 0) < r.memoryLimitMb;
    const verdict =
      r.goal === 0 ? '(info)' : ratio >= r.goal && memOk ? 'meets goal' : 'BELOW GOAL';
    return [
      `${r.name} vs ${r.baselineName}`,
      `${num(r.ours)} ${r.unit ?? 'MB/s'}`,
      `${num(r.baseline)} ${r.unit ?? 'MB/s'}`,
      `${ratio.toFixed(2)}x`,
      r.goal ? `>=${r.goal}x${r.memoryLimitMb ? `, <${r.memoryLimitMb} MB` : ''}` : '-',
      r.extraMemoryMb === null ? '-' : r.extraMemoryMb.toFixed(0),
      verdict,
      r.notes ?? '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [head, ...body]
    .map((cells) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  '))
    .join('\n');
}

/**
 * Runs the chosen benchmarks in order. One that fails is reported and the others still run (a
 * long run must not lose every result to one broken benchmark); the command then exits 1.
 */
async function runAll(
  names: string[],
  sizeMb: number,
  io: Io,
): Promise<{ results: BenchResult[]; failed: string[] }> {
  const results: BenchResult[] = [];
  const failed: string[] = [];
  for (const bench of benchmarks.filter((b) => names.length === 0 || names.includes(b.name))) {
    const dir = await mkdtemp(join(tmpdir(), `dalel-bench-${bench.name}-`));
    io.err(`bench ${bench.name}: ${bench.summary} (${sizeMb} MB)…`);
    try {
      const rows = await bench.run({ sizeMb, dir, log: (t) => io.err(`  ${t}`) });
      // Each benchmark's rows as soon as it ends, so a long run shows progress.
      io.err(table(rows).replace(/^/gm, '  '));
      results.push(...rows);
    } catch (error) {
      failed.push(bench.name);
      io.err(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { results, failed };
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'benchmark hashing, export and verification against native tools',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, { 'size-mb': 'number' });
    const unknown = positional.filter((n) => !benchmarks.some((b) => b.name === n));
    if (unknown.length) throw new UsageError(`unknown benchmark(s): ${unknown.join(', ')}`);
    const { results, failed } = await runAll(
      positional,
      (options['size-mb'] as number | undefined) ?? 1024,
      io,
    );
    io.out(table(results));
    if (failed.length === 0) return EXIT.ok;
    io.err(`dalel bench: ${failed.length} benchmark(s) failed: ${failed.join(', ')}`);
    return EXIT.failed;
  },
};
