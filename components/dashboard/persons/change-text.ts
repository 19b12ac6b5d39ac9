import type { Translate } from '../../../lib/i18n/translator';
import { ACCOUNT_STATES } from '../../../lib/platforms/record';

/** The account fields the timeline compares (lib/capture/timeline.ts), each with its words. */
export const CHANGE_FIELDS = [
  'name',
  'handle',
  'bio',
  'avatar',
  'followers',
  'following',
  'posts',
  'verified',
  'private',
  'state',
  'posts.disappeared',
] as const;

/** The field's name in the page's language ("Bio", "Описание профиля"). */
export const changeField = (t: Translate, field: string) =>
  (CHANGE_FIELDS as readonly string[]).includes(field)
    ? t(`change_${field.replace('.', '_')}`)
    : field;

/** A value as a monitor reads it: states and yes/no in words, an image by its short hash. */
export function changeValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (field === 'state' && (ACCOUNT_STATES as readonly string[]).includes(String(value)))
    return t(`state_${String(value)}`);
  if (field === 'avatar' && typeof value === 'string' && value.startsWith('sha256:'))
    return t('avatarImage', value.slice(7, 19));
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
