import type { Benchmark } from './types';
export const exportBench: Benchmark = { name: 'export', summary: 'TODO', run: async () => [] };
