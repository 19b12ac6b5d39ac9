/** One row of `dalel bench` output: ours vs a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  ours: number;
  baseline: number;
  baselineName: string;
  /** Goal for ours/baseline; higher is better. */
  goal: number;
  /** Peak extra RSS in MB during our run, and its limit (null when not applicable). */
  extraMemoryMb: number | null;
  memoryLimitMb: number | null;
  notes?: string;
  /** Unit of `ours` and `baseline`; MB/s when absent. */
  unit?: string;
}

export interface BenchContext {
  sizeMb: number;
  /** A fresh temp directory, removed after the benchmark. */
  dir: string;
  log(text: string): void;
}

export interface Benchmark {
  name: string;
  summary: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
