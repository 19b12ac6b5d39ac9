// Sizes, the fixed clock and the time budget shared by the Zip64 boundary tests.

export const NOW = new Date('2026-03-02T12:00:00Z');
export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
/** Tests that move gigabytes: 10–15 s each on a 2-core machine, more when it is busy. */
export const BIG = 180_000;

/** Generated stream 2 at this size is big.bin in zip64-sizes and the video in package-large. */
export const OVER_4GIB = 4 * GiB + 3 * MiB;
