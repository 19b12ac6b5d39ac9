/** Platform names as written in every language. */
export const PLATFORM_NAMES = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X (Twitter)',
  telegram: 'Telegram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  vk: 'VK',
} as const;
