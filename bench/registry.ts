import { captureLatencyBench } from './capture-latency.bench';
import type { Benchmark } from './types';

/** Every benchmark of `dalel bench`. */
export const benchmarks: Benchmark[] = [captureLatencyBench];
