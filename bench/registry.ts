import { captureLatencyBench } from './capture-latency.bench';
import { chromiumExportBench } from './chromium-export.bench';
import { chromiumHashBench } from './chromium-hash.bench';
import { chromiumScaleBench } from './chromium-scale.bench';
import { exportBench } from './export.bench';
import { firefoxCaptureBench } from './firefox-capture.bench';
import { kdfBench } from './kdf.bench';
import { lockerUploadBench } from './locker-upload.bench';
import { scaleBench } from './scale.bench';
import { sha256Bench } from './sha256.bench';
import type { Benchmark } from './types';
import { vaultBench } from './vault.bench';
import { verifyBench } from './verify.bench';

/** Every benchmark of `dalel bench`; later work adds store benchmarks here. */
export const benchmarks: Benchmark[] = [
  sha256Bench,
  exportBench,
  verifyBench,
  captureLatencyBench,
  vaultBench,
  kdfBench,
  scaleBench,
  chromiumHashBench,
  chromiumExportBench,
  chromiumScaleBench,
  firefoxCaptureBench,
  lockerUploadBench,
];
