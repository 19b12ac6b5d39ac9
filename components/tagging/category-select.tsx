import { LINK_CATEGORIES, type LinkCategory } from '../../lib/model/link';
import { useI18n } from '../i18n-context';
import { SelectField } from '../ui/select-field';

export function CategorySelect({
  value,
  onChange,
  label,
  id,
}: {
  value: LinkCategory;
  onChange: (c: LinkCategory) => void;
  label?: string;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={label ?? t('tagCategory')}
      value={value}
      onChange={onChange}
      options={LINK_CATEGORIES.map((c) => ({ value: c, label: t(`category_${c}`) }))}
    />
  );
}
