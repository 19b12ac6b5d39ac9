import { inlineScripts } from './dom';

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
