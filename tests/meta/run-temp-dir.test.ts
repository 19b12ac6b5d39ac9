import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runTempDir } from '../support/run-temp-dir';

// The suites' temporary folder (browser profiles with captured pages, test CAs): made per run
// and removed at its end, so a machine running the suites daily does not fill its disk.
describe('runTempDir', () => {
  const saved = { TMPDIR: process.env.TMPDIR, KEEP: process.env.DALEL_KEEP_TEMP };
  let parent: string;

  beforeEach(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'dalel-meta-'));
    process.env.TMPDIR = parent;
    delete process.env.DALEL_KEEP_TEMP;
  });
  afterEach(() => {
    process.env.TMPDIR = saved.TMPDIR;
    if (saved.KEEP === undefined) delete process.env.DALEL_KEEP_TEMP;
    else process.env.DALEL_KEEP_TEMP = saved.KEEP;
    vi.restoreAllMocks();
  });

  it('points TMPDIR (and so os.tmpdir()) at a new folder and removes it, contents and all', () => {
    const remove = runTempDir('meta');
    const dir = process.env.TMPDIR ?? '';
    expect(path.dirname(dir)).toBe(parent);
    expect(path.basename(dir)).toMatch(/^dalel-meta-run-/);
    expect(os.tmpdir()).toBe(dir);
    mkdirSync(path.join(os.tmpdir(), 'profile', 'Default'), { recursive: true });
    writeFileSync(path.join(os.tmpdir(), 'profile', 'Default', 'Preferences'), '{}');
    remove();
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(parent)).toBe(true);
  });

  it('keeps the folder, and says where, with DALEL_KEEP_TEMP=1', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const remove = runTempDir('meta');
    const dir = process.env.TMPDIR ?? '';
    process.env.DALEL_KEEP_TEMP = '1';
    remove();
    expect(existsSync(dir)).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(dir));
  });
});
