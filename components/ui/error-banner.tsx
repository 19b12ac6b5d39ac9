import { useI18n } from '../i18n-context';

export function ErrorBanner({ error }: { error: string | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" class="error">
      {t('errorPrefix', error)}
    </p>
  );
}
