import { inlineScripts, parseCount } from './dom';

export interface FbCounts {
  likes: number | null;
  comments: number | null;
  shares: number | null;
}

/**
 * Reaction, comment and share counts from the page-state scripts, for the post `id` only (pages
 * also carry the counts of related posts). These are JavaScript object literals, not JSON, so
 * they are read with anchored patterns, never evaluated.
 */
export function countsFromScripts(doc: Document, id: string | null): FbCounts | null {
  if (!id) return null;
  for (const source of inlineScripts(doc)) {
    if (!source.includes(id)) continue;
    const mobile = new RegExp(
      `ft_ent_identifier:${id},comment_count:(\\d+),share_count:(\\d+)[^}]*?like_count:(\\d+)`,
    ).exec(source);
    if (mobile)
      return { comments: Number(mobile[1]), shares: Number(mobile[2]), likes: Number(mobile[3]) };
    const at = source.indexOf(`share_fbid:"${id}"`);
    if (at < 0) continue;
    const start = source.lastIndexOf('comment_count:{total_count:', at);
    if (start < 0 || at - start > 2000) continue;
    const chunk = source.slice(start, at);
    const num = (re: RegExp) => {
      const m = re.exec(chunk);
      return m ? Number(m[1]) : null;
    };
    return {
      comments: num(/comment_count:\{total_count:(\d+)\}/),
      likes: num(/reaction_count:\{count:(\d+)\}/),
      shares: num(/share_count:\{count:(\d+)\}/),
    };
  }
  return null;
}

const NUMBER = String.raw`(\d[\d.,\s\u00a0]*\s*(?:[KkMm]|тыс\.?|млн|мың)?)`;
const COMMENTS_TEXT = new RegExp(`^${NUMBER}\\s+(?:comments?|коммент\\S*|пікір\\S*)$`, 'i');
const SHARES_TEXT = new RegExp(
  `^${NUMBER}\\s+(?:shares?|репост\\S*|поделил\\S*|бөлісу\\S*|бөлісті\\S*)$`,
  'i',
);
const REACTIONS_LABEL = /^(all reactions|все эмоции|все реакции|барлық реакциялар):?$/i;

/**
 * Counts as the Comet web shows them: "4 comments" / "4 комментария" / "4 пікір" spans, and
 * the number after the "All reactions:" label. Leaf spans only, so a caption is never read.
 */
export function countsFromText(root: Element | null): FbCounts | null {
  if (!root) return null;
  const leaves = Array.from(root.querySelectorAll('span, div, a'))
    .filter((el) => el.children.length === 0)
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  const read = (re: RegExp) => {
    const m = leaves.map((t) => re.exec(t)).find(Boolean);
    return m ? parseCount(m[1]!) : null;
  };
  const label = leaves.findIndex((t) => REACTIONS_LABEL.test(t));
  const likes = label >= 0 ? parseCount(leaves[label + 1] ?? null) : null;
  const counts = { likes, comments: read(COMMENTS_TEXT), shares: read(SHARES_TEXT) };
  return counts.likes === null && counts.comments === null && counts.shares === null
    ? null
    : counts;
}
