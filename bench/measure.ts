import { spawn } from 'node:child_process';

/** Run `fn`, returning its result, wall time in seconds and the peak RSS growth in MB. */
export async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; extraMb: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const start = performance.now();
  try {
    const value = await fn();
    const seconds = (performance.now() - start) / 1000;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, seconds, extraMb: (peak - base) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/** Run a shell command to completion; returns stdout and wall seconds; throws on failure. */
export function shell(command: string, cwd?: string): Promise<{ stdout: string; seconds: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, seconds: (performance.now() - start) / 1000 });
      else reject(new Error(`${command}: exit ${code}: ${stderr.trim()}`));
    });
  });
}

/** The median of timed runs (machines are noisy). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
