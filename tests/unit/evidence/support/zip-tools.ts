// The ZIP readers a lawyer, a court's expert or the other side may use, run for real on an
// archive: what names and bytes each extracts. Each is skipped (null) where it is not installed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ToolName = 'unzip' | 'bsdtar' | 'bsdtar (pipe)' | '7-Zip' | 'Python zipfile';

/** Name → SHA-256 hex of the bytes (or "symlink → target", "directory"). */
export type Extracted = Map<string, string>;

const has = (cmd: string): boolean =>
  spawnSync(cmd, ['--help'], { stdio: 'ignore' }).error === undefined;

const TOOLS: Record<
  ToolName,
  {
    available: boolean;
    run: (zip: string, out: string, bytes: Uint8Array) => { status: number | null; stderr: string };
  }
> = {
  unzip: {
    available: has('unzip'),
    run: (zip, out) => spawnSync('unzip', ['-o', '-qq', zip, '-d', out], { encoding: 'utf8' }),
  },
  bsdtar: {
    available: has('bsdtar'),
    run: (zip, out) => spawnSync('bsdtar', ['-xf', zip, '-C', out], { encoding: 'utf8' }),
  },
  'bsdtar (pipe)': {
    available: has('bsdtar'),
    run: (_zip, out, bytes) =>
      spawnSync('bsdtar', ['-xf', '-', '-C', out], { input: bytes, encoding: 'utf8' }),
  },
  '7-Zip': {
    available: has('7zz'),
    run: (zip, out) =>
      spawnSync('7zz', ['x', '-y', '-bso0', '-bsp0', `-o${out}`, zip], { encoding: 'utf8' }),
  },
  'Python zipfile': {
    available: spawnSync('python3', ['-c', 'import zipfile'], { stdio: 'ignore' }).status === 0,
    run: (zip, out) =>
      spawnSync(
        'python3',
        [
          '-c',
          'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
          zip,
          out,
        ],
        {
          encoding: 'utf8',
        },
      ),
  },
};

export const TOOL_NAMES = Object.keys(TOOLS) as ToolName[];
export const availableTools = (): ToolName[] => TOOL_NAMES.filter((t) => TOOLS[t].available);
export const missingTools = (): ToolName[] => TOOL_NAMES.filter((t) => !TOOLS[t].available);

export interface ToolReading {
  files: Extracted;
  /** The tool's exit status and complaint, when it had one. */
  status: number | null;
  stderr: string;
}

/** What `tool` extracts from `zip`. */
export function extractWith(tool: ToolName, zip: Uint8Array): ToolReading {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-tool-'));
  try {
    const path = join(dir, 'package.zip');
    const out = join(dir, 'out');
    writeFileSync(path, zip);
    spawnSync('mkdir', [out]);
    const { status, stderr } = TOOLS[tool].run(path, out, zip);
    return { files: walk(out), status, stderr: stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under `root` (directories only when empty), as the file system has them. */
export function walk(root: string, prefix = ''): Extracted {
  const found: Extracted = new Map();
  let names: string[];
  try {
    names = readdirSync(join(root, prefix));
  } catch {
    return found;
  }
  for (const name of names.sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const full = join(root, rel);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) found.set(rel, `symlink → ${readlinkSync(full)}`);
    else if (stat.isDirectory()) {
      const inner = walk(root, rel);
      if (inner.size === 0) found.set(`${rel}/`, 'directory');
      for (const [k, v] of inner) found.set(k, v);
    } else found.set(rel, sha256Hex(readFileSync(full)));
  }
  return found;
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The differences between two readings, for messages: "+name" extra, "-name" missing, "~name" other bytes. */
export function differences(expected: Extracted, actual: Extracted): string[] {
  const out: string[] = [];
  for (const [name, hash] of actual)
    if (!expected.has(name)) out.push(`+${name}`);
    else if (expected.get(name) !== hash) out.push(`~${name}`);
  for (const name of expected.keys()) if (!actual.has(name)) out.push(`-${name}`);
  return out;
}
