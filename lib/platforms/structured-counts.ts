import { asString, dig } from './json-scan';
import { parseCount } from './counts';

export interface StructuredCounts {
  likes: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
}

/** schema.org action types (`LikeAction` or `https://schema.org/LikeAction`) → count. */
const KIND: Record<string, keyof StructuredCounts> = {
  likeaction: 'likes',
  reactaction: 'likes',
  favoriteaction: 'likes',
  commentaction: 'comments',
  replyaction: 'comments',
  shareaction: 'shares',
  watchaction: 'views',
  viewaction: 'views',
};

/**
 * Like, comment, share and view counts a page states in schema.org structured data: JSON-LD
 * `interactionStatistic` (InteractionCounter with an `interactionType` such as
 * `https://schema.org/LikeAction` and a `userInteractionCount`) and `commentCount` on the
 * SocialMediaPosting / VideoObject / ImageObject the page describes. Exact numbers, unlike the
 * rounded labels ("1.2K") platforms show; null when the page states none.
 */
export function countsFromLd(items: Record<string, unknown>[]): StructuredCounts | null {
  const out: StructuredCounts = { likes: null, comments: null, shares: null, views: null };
  for (const item of items) {
    const stats = item.interactionStatistic ?? item.interactionCount;
    for (const stat of Array.isArray(stats) ? stats : stats ? [stats] : []) {
      const type =
        asString(dig(stat, 'interactionType', '@type')) ?? asString(dig(stat, 'interactionType'));
      const value = parseCount(String(dig(stat, 'userInteractionCount') ?? ''));
      const kind = type ? KIND[type.split('/').pop()!.toLowerCase()] : undefined;
      if (kind && value !== null && out[kind] === null) out[kind] = value;
    }
    if (out.comments === null) out.comments = parseCount(String(item.commentCount ?? ''));
  }
  return Object.values(out).some((v) => v !== null) ? out : null;
}
