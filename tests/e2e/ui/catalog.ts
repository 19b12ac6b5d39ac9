import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/shared-fixtures';
import type { Lang } from './screens';

const cache = new Map<Lang, Record<string, { message: string }>>();

/** A UI string as the catalog has it, with `$n` filled: tests assert what a monitor reads. */
export function msg(lang: Lang, key: string, ...subs: Array<string | number>): string {
  if (!cache.has(lang))
    cache.set(
      lang,
      JSON.parse(
        readFileSync(path.join(repoRoot, `public/_locales/${lang}/messages.json`), 'utf8'),
      ),
    );
  const entry = cache.get(lang)![key];
  if (!entry) throw new Error(`no string ${key} in ${lang}`);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** A counted string in its plural form for `count` (the catalogs' `key__one`, `key__few`, …). */
export function msgCount(lang: Lang, key: string, count: number, ...more: Array<string | number>) {
  const form = `${key}__${new Intl.PluralRules(lang).select(count)}`;
  try {
    return msg(lang, form, count, ...more);
  } catch {
    return msg(lang, `${key}__other`, count, ...more);
  }
}
