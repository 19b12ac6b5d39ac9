/**
 * Instagram: post (/p/), reel (/reel/), IGTV (/tv/), story, profile (public, private, verified),
 * "page isn't available", and Settings → Login activity.
 *
 * Selectors (last seen on):
 *   meta og:/twitter:/al:ios:url/instapp:owner_user_id — 2024 logged-out shell
 *     (fixtures/real/instagram/post/metascraper_2024_*, 2024-12)
 *   window._sharedData entry_data.PostPage / StoriesPage — 2021 web
 *     (fixtures/real/instagram/post/metascraper_2021_*, 2021-06)
 *   script[type="application/json"] xdt_api__v1__media__shortcode__web_info — 2023+ web (shape
 *     from public scrapers; no saved fixture yet)
 *   main time[datetime], h1 (caption), header h2 (handle) — rendered 2021–2024 DOM
 *   login activity: [role="listitem"], li — hand-made fixtures modelled on Accounts Center (2026-11)
 */
export const IG_SELECTORS = {
  time: 'main time[datetime], article time[datetime]',
  caption: 'main h1, article h1',
  verifiedBadge:
    'svg[aria-label="Verified"], svg[aria-label="Подтвержденный"], svg[aria-label="Подтверждённый"], svg[aria-label="Расталған"], span[title="Verified"]',
  profileHeader: 'header h2, header h1',
  sessionItem: '[role="listitem"], li',
} as const;
