/**
 * Facebook selectors, with the fixture and date each was last seen on.
 *   m.facebook.com (2021-06, fixtures/real/facebook/{post,photo,video,page}/fbscraper_mfb_*):
 *     story container `[data-sigil~="story-div"]`, `[data-sigil="marea"]`, `article`;
 *     actor `strong.actor`, `[data-sigil="actor-link"]`, `header h3 strong a`;
 *     text `.msg > div`, `.story_body_container > div[data-ft]`, `[data-sigil="expose"]`;
 *     time `abbr[data-store]` ({"time": unix}); data-ft JSON with top_level_post_id,
 *     content_owner_id_new, page_id; counts in the `MLiveData` script call.
 *   www.facebook.com classic (2020-09, fixtures/real/facebook/{post,video}/embed_wwwfb_*):
 *     `.userContentWrapper`, `[data-testid="post_message"]`, `abbr[data-utime]`, `h5 .fwb a`,
 *     `.profileLink`; counts in `reaction_count:{count:N}` page-state scripts; content shipped
 *     inside `<code><!-- … --></code>` blocks of `.hidden_elem` and revealed by JS.
 *   Comet www.facebook.com (2021+): `[role="article"]`, `[data-ad-preview="message"]`,
 *     `h2 strong a`, `h3 strong a`, `a[role="link"] > span` — hand-made fixtures (2026-11).
 *   m.facebook.com video page (2021-06, fixtures/real/facebook/video/fbscraper_mfb_*): no story
 *     container; the post is the parent of its `header` (`h3 strong a`, plain `abbr`), text in
 *     `header ~ div … p`, counts in `[data-sigil="reactions-sentence-container"]`,
 *     `[data-sigil="comments-token"]`, `[data-sigil="shares-token"]`.
 *   Shared post: nested `[role="article"]`/`article`, data-ft `original_content_id` /
 *     `original_content_owner_id` — hand-made fixtures (2026-11).
 */
export const FB_SELECTORS = {
  story:
    '[data-sigil~="story-div"], [data-sigil="marea"], .userContentWrapper, [aria-posinset], [role="article"]:not([aria-label]), article',
  actor:
    'strong.actor, [data-sigil="actor-link"], h5 .fwb a, .profileLink, h3 strong a, h2 strong a, h3 a, h2 a, header strong a',
  text: '[data-ad-comet-preview="message"], [data-testid="post_message"], header ~ div > div > div > span > p, [data-ad-preview="message"], .userContent, .msg > div, .story_body_container > div[data-ft], article > div[data-ft], [data-sigil="expose"]',
  time: 'abbr[data-utime], abbr[data-store], time[datetime]',
  timeText:
    '[data-sigil="m-feed-voice-subtitle"] abbr, header abbr, abbr, h2 ~ div a[href*="/posts/"] > span, span > a[href*="/posts/"][aria-label]',
  image:
    'a[href*="/photos/"] img, a[href*="photo.php"] img, i.img[data-store], img.scaledImageFitWidth, img[data-visualcompletion="media-vc-image"]',
  shared:
    '[data-testid="shared-post"], [aria-posinset] [role="article"]:not([aria-label]), [role="article"] [role="article"]:not([aria-label]), article article',
  reactions: '[data-sigil="reactions-sentence-container"]',
  comments: '[data-sigil="comments-token"]',
  shares: '[data-sigil="shares-token"], [data-sigil="feed-ufi-sharers"]',
} as const;
