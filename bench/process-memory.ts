import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The pid of the browser started with this user-data-dir (Linux /proc). */
export function browserPid(userDataDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = read(`/proc/${entry}/cmdline`);
    if (cmd?.includes(`--user-data-dir=${userDataDir}`) && !cmd.includes('--type='))
      return Number(entry);
  }
  return null;
}

/** Resident memory (MB) of a process and all its descendants: the whole browser. */
export function treeRssMb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const statm = read(`/proc/${entry}/statm`);
    if (!stat || !statm) continue;
    // Fields after the parenthesised command: state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parent.set(Number(entry), ppid);
    rss.set(Number(entry), Number(statm.split(' ')[1]) * PAGE_KB);
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += kb;
        break;
      }
    }
  }
  return total / 1024;
}

/** Samples the browser's memory while `fn` runs; returns the peak growth over the start, in MB. */
export async function peakGrowthMb<T>(
  root: number,
  fn: () => Promise<T>,
): Promise<{ value: T; peakMb: number }> {
  const base = treeRssMb(root);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(root))), 25);
  try {
    const value = await fn();
    peak = Math.max(peak, treeRssMb(root));
    return { value, peakMb: peak - base };
  } finally {
    clearInterval(timer);
  }
}
