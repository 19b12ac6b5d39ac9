import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/shared-fixtures';

/** The project's docs: README, ARCHITECTURE, CONTRIBUTING and docs/*.md (repo-relative). */
export function docs(): string[] {
  const top = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'].filter((f) =>
    existsSync(path.join(repoRoot, f)),
  );
  const dir = path.join(repoRoot, 'docs');
  const inDocs = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`)
    : [];
  return [...top, ...inDocs];
}
