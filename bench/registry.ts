import { exportBench } from './export.bench';
import { sha256Bench } from './sha256.bench';
import type { Benchmark } from './types';
import { verifyBench } from './verify.bench';

/** Every benchmark of `dalel bench`; later work adds capture and store benchmarks here. */
export const benchmarks: Benchmark[] = [sha256Bench, exportBench, verifyBench];
