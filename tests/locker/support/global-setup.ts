import type { TestProject } from 'vitest/node';
import {
  missingCephBinaries,
  RGW_MISSING,
  startRgw,
  type RgwCluster,
} from '../../support/rgw/cluster';
import type { RgwInfo } from './rgw';

let cluster: RgwCluster | null = null;

/**
 * Boots one Ceph RGW for the locker tests (on free ports, in a temp dir) and stops it after them.
 * Without the binaries the tests skip, and say so loudly: CI installs them (`.ci/run`).
 */
export async function setup(project: TestProject): Promise<void> {
  const missing = missingCephBinaries();
  if (missing.length) {
    const line = '!'.repeat(100);
    console.warn(`\n${line}\n${RGW_MISSING}\n(missing: ${missing.join(', ')})\n${line}\n`);
    project.provide('rgw', null);
    return;
  }
  const started = Date.now();
  cluster = await startRgw();
  console.log(
    `Ceph RGW for the locker tests at ${cluster.endpoint} (up in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  const info: RgwInfo = {
    endpoint: cluster.endpoint,
    region: cluster.region,
    admin: cluster.admin,
    dir: cluster.dir,
  };
  project.provide('rgw', info);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = null;
}
