import { z } from 'zod';

/**
 * The extracted record: what an extractor says a page shows. It is the contract between the
 * extractors, the capture pipeline, the CLI and exported packages, so it is strict (unknown keys
 * are rejected) and every absent value is an explicit `null`, never a guess.
 */

export const PLATFORMS = [
  'instagram',
  'facebook',
  'x',
  'telegram',
  'tiktok',
  'youtube',
  'vk',
  'webmail',
  'generic',
] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

export const RECORD_KINDS = ['post', 'account', 'notice', 'page'] as const;
export const recordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof recordKindSchema>;

/** 64-bit platform ids never pass through a JS number: 2^53 + 1 would silently change. */
export const idSchema = z.string().regex(/^[\w.:@-]+$/, 'platform id must be a string token');

const count = z.number().int().nonnegative().nullable();

export const authorSchema = z
  .object({
    handle: z.string().nullable(),
    name: z.string().nullable(),
    id: idSchema.nullable(),
  })
  .strict();

export const mediaSchema = z
  .object({
    type: z.enum(['image', 'video']),
    url: z.string(),
  })
  .strict();

export const countsSchema = z
  .object({
    likes: count,
    comments: count,
    shares: count,
    views: count,
  })
  .strict();

export const repostSchema = z
  .object({
    id: idSchema.nullable(),
    url: z.string().nullable(),
    author: authorSchema,
    text: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
  })
  .strict();

export const postSchema = z
  .object({
    id: idSchema.nullable(),
    author: authorSchema,
    /** ISO 8601, UTC (`Z`). */
    publishedAt: z.iso.datetime().nullable(),
    /**
     * The date as the page words it when it gives no instant ("Apr 19, 2021 at 6:18 AM" with no
     * zone, "2 ч"): kept verbatim rather than guessing a time zone. Optional (added in 0.1).
     */
    publishedText: z.string().nullable().optional(),
    text: z.string().nullable(),
    media: z.array(mediaSchema),
    counts: countsSchema,
    repostOf: repostSchema.nullable().optional(),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    links: z.array(z.string()),
  })
  .strict();

export const ACCOUNT_STATES = [
  'active',
  'private',
  'suspended',
  'deleted',
  /** Not shown, with no reason given ("this page isn't available"): deleted, renamed or blocked. */
  'unavailable',
  'restricted',
  'unknown',
] as const;
export const accountStateSchema = z.enum(ACCOUNT_STATES);
export type AccountState = z.infer<typeof accountStateSchema>;

export const accountSchema = z
  .object({
    handle: z.string().nullable(),
    name: z.string().nullable(),
    id: idSchema.nullable(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    followers: count,
    following: count,
    posts: count,
    verified: z.boolean().nullable(),
    private: z.boolean().nullable(),
    state: accountStateSchema,
  })
  .strict();

export const NOTICE_TYPES = [
  'not_found',
  'removed',
  'suspended',
  'withheld',
  'private',
  'login_required',
  'age_restricted',
  'geo_blocked',
  'account_compromised',
  'checkpoint',
  'locked',
  'security_alert',
  'consent_wall',
  'members_only',
  'unavailable',
] as const;
export const noticeTypeSchema = z.enum(NOTICE_TYPES);
export type NoticeType = z.infer<typeof noticeTypeSchema>;

export const noticeSchema = z
  .object({
    type: noticeTypeSchema,
    /** The platform's own words, as shown. */
    message: z.string(),
    /** ISO 3166-1 alpha-2 codes, for `withheld` and `geo_blocked`. */
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .nullable()
      .optional(),
    /** BCP 47 language of the message (`en`, `ru`, `kk`, …) or null when unknown. */
    language: z.string().nullable(),
  })
  .strict();

/** One session or security event on a login-activity page or in a security e-mail. */
export const securityEventSchema = z
  .object({
    event: z.enum([
      'session',
      'new_login',
      'password_changed',
      'email_changed',
      'phone_changed',
      'account_disabled',
      'two_factor_changed',
      'other',
    ]),
    device: z.string().nullable(),
    place: z.string().nullable(),
    ip: z.string().nullable(),
    /** ISO 8601 UTC when the page gave an absolute time; otherwise null and `timeText` keeps the words. */
    at: z.iso.datetime().nullable(),
    timeText: z.string().nullable(),
    current: z.boolean().nullable(),
  })
  .strict();

export const targetSchema = z
  .object({
    /** How the post was chosen: the element under the pointer when the menu was opened. */
    via: z.enum(['pointer']),
    /**
     * A CSS path from the document root to the post's container (`html > body > div:nth-child(2)
     * > …`); in the HTML snapshot the same element carries `data-dalel-target="post"`.
     */
    path: z.string(),
    /** The post's own address when the page links to it, else null. */
    permalink: z.string().nullable(),
    /**
     * Who reported the right-clicked element: `browser` — the browser itself named the element
     * its context menu was opened on (Firefox's `menus.getTargetElement`); `listener` — Dalel's
     * own listener remembered the element under the pointer when the context menu last opened
     * (Chrome tells extensions nothing). Absent when no right-click chose it (`dalel extract
     * --target`).
     */
    reportedBy: z.enum(['browser', 'listener']).optional(),
  })
  .strict();

export const extractorInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
  })
  .strict();

/** Which strategy gave each field, e.g. `{ "post.text": "json-ld" }`. */
export const provenanceSchema = z.record(
  z.string(),
  z.enum(['dom', 'embedded-json', 'json-ld', 'meta', 'url', 'api-json', 'derived']),
);

export const extractedRecordSchema = z
  .object({
    platform: platformSchema,
    kind: recordKindSchema,
    url: z.string(),
    canonicalUrl: z.string().nullable(),
    title: z.string().nullable().optional(),
    post: postSchema.nullable().optional(),
    account: accountSchema.nullable().optional(),
    notice: noticeSchema.nullable().optional(),
    security: z.array(securityEventSchema).nullable().optional(),
    /**
     * The posts a feed page lists (Telegram's t.me/s/<channel>), newest last as shown; the
     * record's `account` is the channel. Optional (added in 0.1).
     */
    posts: z.array(postSchema).nullable().optional(),
    /** Readable text of a generic page (capped). */
    text: z.string().nullable().optional(),
    /**
     * Set when the monitor chose one post on a page that shows several ("Capture this post"):
     * where that post is on the page. The record's `post` is that post. Optional (added in 0.2).
     */
    target: targetSchema.nullable().optional(),
    warnings: z.array(z.string()),
    sources: provenanceSchema.optional(),
    extractor: extractorInfoSchema,
  })
  .strict();

export type ExtractedRecord = z.infer<typeof extractedRecordSchema>;
export type PostRecord = z.infer<typeof postSchema>;
export type AccountRecord = z.infer<typeof accountSchema>;
export type NoticeRecord = z.infer<typeof noticeSchema>;
export type SecurityEvent = z.infer<typeof securityEventSchema>;
export type RecordTarget = z.infer<typeof targetSchema>;
