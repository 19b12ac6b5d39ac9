import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR } from './launch';

/**
 * A copy of the built extension whose manifest is changed by `edit` (test-only; the code under
 * test is identical). Used where the browser would show a dialog Playwright cannot answer.
 */
export function variantBuild(
  label: string,
  edit: (manifest: Record<string, unknown>) => void,
): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dalel-${label}-`));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

/**
 * The shipped build with the local test TSA's host already granted, as if the monitor had
 * accepted the browser's permission prompt: Chromium's extension permission dialogs are not
 * reachable from Playwright or CDP (headless, the request waits for ever).
 */
export function buildWithLocalTsaGranted(): string {
  return variantBuild('tsa', (m) => {
    m.host_permissions = [...(m.host_permissions as string[]), 'http://127.0.0.1/*'];
  });
}
