import { LINK_CATEGORIES } from '../../lib/model/link';
import { PLATFORMS, RECORD_KINDS } from '../../lib/platforms/record';
import type { Translate } from '../../lib/i18n/translator';

/** Select options with an "any" first entry, labelled in the UI language. */
export function anyOf<V extends string>(t: Translate, values: readonly V[], prefix: string) {
  return [
    { value: '' as V | '', label: t('filterAny') },
    ...values.map((v) => ({ value: v as V | '', label: t(`${prefix}${v}`) })),
  ];
}

export const platformOptions = (t: Translate) => anyOf(t, PLATFORMS, 'platform_');
export const kindOptions = (t: Translate) => anyOf(t, RECORD_KINDS, 'kind_');
export const categoryOptions = (t: Translate) => anyOf(t, LINK_CATEGORIES, 'category_');
