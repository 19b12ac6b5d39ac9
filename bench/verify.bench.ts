import type { Benchmark } from './types';
export const verifyBench: Benchmark = { name: 'verify', summary: 'TODO', run: async () => [] };
