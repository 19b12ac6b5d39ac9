/**
 * VK (vk.com desktop, m.vk.com) selectors. No real VK page could be saved for the fixture set:
 * these follow VK's desktop markup of 2023–2024 (post blocks `#post-<owner>_<id>`; m.vk.com `wall_item`/`wi_*`/`item_like`, `rel_date`
 * with a unix `time` attribute, `like_btn` counters, `page_name` profile header; m.vk.com
 * `owner_panel` / `op_header` / `pp_status` / `service_msg`, 2023–25) and are checked only
 * against the hand-made fixtures in tests/fixtures/handmade/vk (2026-12). A page in a layout none
 * of these match is read from its address and <title> (url-fallback.ts). When a monitor
 * saves a real VK page, add it to the shared fixtures and re-check every selector here.
 */
export const VK = {
  post: '.post[data-post-id], ._post[data-post-id], .wall_item[data-post-id], [id^="post-"]',
  author: '.post_author .author, .post_header .author, .wi_author a, .PostHeaderTitle__authorLink',
  date: '.post_date .rel_date, .rel_date, .wi_date, time[datetime]',
  text: '.wall_post_text, .pi_text, .PostText',
  photo: '.page_post_thumb_wrap, .thumb_map_img, .PhotoPrimaryAttachment img, a[data-photo-id] img',
  video: '.page_post_thumb_video, video[src]',
  like: '.like_btn.like, .PostBottomAction--like, .PostButtonReactions, .item_like',
  comment: '.like_btn.comment, .PostBottomAction--comment, .item_replies, .item_comment',
  share: '.like_btn.share, .PostBottomAction--share, .item_share',
  views: '.like_views, ._views, .PostBottomAction--views, .item_views',
  count:
    '.like_button_count, .PostBottomAction__count, .PostButtonReactions__title, .v_like, .v_replies, .v_share, .v_views',
  copyHistory: '.copy_quote, .wall_post_cont .copy_history, .PostCopyQuote',
  copyAuthor: '.copy_author, .copy_post_author a, .PostHeaderTitle__authorLink',
  profileName: '.page_name, .OwnerPageName, .op_header',
  profileStatus: '.page_current_info .current_text, .profile_status, .OwnerPageStatus, .pp_status',
  avatar: '.page_avatar_img, .OwnerPageAvatar img, .AvatarRich__img, .op_avatar',
  counter: '.page_counter, .counts_module a, .header_top',
  counterValue: '.count, .header_count',
  counterLabel: '.label, .header_label',
  verified:
    '.page_verified, .verified_icon, .OwnerPageName__verified, [aria-label="Подтверждённая страница"]',
  notice:
    '.message_page_body, .profile_deleted_text, .profile_closed_wall_dummy, .page_block_closed, .service_msg_error, .service_msg, .ProfileDeletedPlaceholder, .mention_blocked',
} as const;
