import { assignedJson, asArray, asString, dig } from './dom';
import { findDeep, tryParseJson } from './json-scan';

/**
 * Instagram's embedded page state, normalised. Two shapes are known: `window._sharedData`
 * (2015–2022 web, `entry_data.PostPage[0].graphql.shortcode_media`, `ProfilePage[0].graphql.user`)
 * and the JSON in `<script type="application/json" data-sjs>` of the 2023+ web
 * (`xdt_api__v1__media__shortcode__web_info.items[0]`, `user` objects with `pk`).
 */

export interface IgMedia {
  id: string | null;
  ownerHandle: string | null;
  ownerName: string | null;
  ownerId: string | null;
  ownerVerified: boolean | null;
  takenAt: number | null;
  caption: string | null;
  likes: number | null;
  comments: number | null;
  views: number | null;
  media: Array<{ type: 'image' | 'video'; url: string }>;
}

export interface IgUser {
  handle: string | null;
  name: string | null;
  id: string | null;
  bio: string | null;
  avatarUrl: string | null;
  followers: number | null;
  following: number | null;
  posts: number | null;
  verified: boolean | null;
  private: boolean | null;
}

/** Every parsed state blob on the page: `_sharedData` and JSON scripts mentioning `needle`. */
export function pageStates(doc: Document, needle: string | null, warnings: string[]): unknown[] {
  const states = assignedJson(doc, '_sharedData', warnings);
  for (const el of Array.from(doc.querySelectorAll('script[type="application/json"]'))) {
    const source = el.textContent ?? '';
    if (needle && !source.includes(needle)) continue;
    if (!needle && !source.includes('"username"')) continue;
    const parsed = tryParseJson(source);
    if (parsed.ok) states.push(parsed.value);
  }
  return states;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** The media object for `shortcode`, in either known shape. */
export function findMedia(states: unknown[], shortcode: string): IgMedia | null {
  for (const state of states) {
    const graph = findDeep(state, (n) => n.shortcode === shortcode && 'owner' in n);
    if (graph) return fromGraph(graph);
    const item = findDeep(state, (n) => n.code === shortcode && 'taken_at' in n);
    if (item) return fromItem(item);
  }
  return null;
}

function fromGraph(m: Record<string, unknown>): IgMedia {
  const isClip = m.product_type === 'clips';
  return {
    id: asString(m.id),
    ownerHandle: asString(dig(m, 'owner', 'username')),
    ownerName: asString(dig(m, 'owner', 'full_name')),
    ownerId: asString(dig(m, 'owner', 'id')),
    ownerVerified: bool(dig(m, 'owner', 'is_verified')),
    takenAt: num(m.taken_at_timestamp),
    caption: asString(dig(m, 'edge_media_to_caption', 'edges', 0, 'node', 'text')),
    likes: num(dig(m, 'edge_media_preview_like', 'count')) ?? num(dig(m, 'edge_liked_by', 'count')),
    comments:
      num(dig(m, 'edge_media_to_parent_comment', 'count')) ??
      num(dig(m, 'edge_media_to_comment', 'count')) ??
      num(dig(m, 'edge_media_preview_comment', 'count')),
    views: isClip ? (num(m.video_play_count) ?? num(m.video_view_count)) : num(m.video_view_count),
    media: graphMedia(m),
  };
}

function graphMedia(m: Record<string, unknown>): IgMedia['media'] {
  const children = asArray(dig(m, 'edge_sidecar_to_children', 'edges'));
  const nodes = children.length ? children.map((e) => dig(e, 'node')) : [m];
  return nodes.flatMap((node): IgMedia['media'] => {
    const video = asString(dig(node, 'video_url'));
    const image = asString(dig(node, 'display_url'));
    if (video) return [{ type: 'video' as const, url: video }];
    return image ? [{ type: 'image' as const, url: image }] : [];
  });
}

function fromItem(m: Record<string, unknown>): IgMedia {
  const carousel = asArray(m.carousel_media);
  const nodes = carousel.length ? carousel : [m];
  return {
    id: asString(m.pk) ?? asString(m.id)?.split('_')[0] ?? null,
    ownerHandle: asString(dig(m, 'user', 'username')) ?? asString(dig(m, 'owner', 'username')),
    ownerName: asString(dig(m, 'user', 'full_name')) ?? asString(dig(m, 'owner', 'full_name')),
    ownerId: asString(dig(m, 'user', 'pk')) ?? asString(dig(m, 'user', 'id')),
    ownerVerified: bool(dig(m, 'user', 'is_verified')),
    takenAt: num(m.taken_at),
    caption: asString(dig(m, 'caption', 'text')),
    likes: num(m.like_count),
    comments: num(m.comment_count),
    views: num(m.play_count) ?? num(m.view_count),
    media: nodes.flatMap((node): IgMedia['media'] => {
      const video = asString(dig(node, 'video_versions', 0, 'url'));
      const image = asString(dig(node, 'image_versions2', 'candidates', 0, 'url'));
      if (video) return [{ type: 'video' as const, url: video }];
      return image ? [{ type: 'image' as const, url: image }] : [];
    }),
  };
}

/** The profile user object for `handle`, in either known shape. */
export function findUser(states: unknown[], handle: string): IgUser | null {
  const lower = handle.toLowerCase();
  for (const state of states) {
    const u = findDeep(
      state,
      (n) =>
        typeof n.username === 'string' &&
        n.username.toLowerCase() === lower &&
        ('biography' in n || 'edge_followed_by' in n || 'follower_count' in n),
    );
    if (!u) continue;
    return {
      handle: asString(u.username),
      name: asString(u.full_name),
      id: asString(u.id) ?? asString(u.pk),
      bio: asString(u.biography),
      avatarUrl: asString(u.profile_pic_url_hd) ?? asString(u.profile_pic_url),
      followers: num(dig(u, 'edge_followed_by', 'count')) ?? num(u.follower_count),
      following: num(dig(u, 'edge_follow', 'count')) ?? num(u.following_count),
      posts: num(dig(u, 'edge_owner_to_timeline_media', 'count')) ?? num(u.media_count),
      verified: bool(u.is_verified),
      private: bool(u.is_private),
    };
  }
  return null;
}

/** `StoriesPage[0].user` of the logged-out 2021 story page (handle and id only). */
export function findStoryUser(
  states: unknown[],
): { handle: string | null; id: string | null } | null {
  for (const state of states) {
    const user = dig(state, 'entry_data', 'StoriesPage', 0, 'user');
    if (user) return { handle: asString(dig(user, 'username')), id: asString(dig(user, 'id')) };
  }
  return null;
}
