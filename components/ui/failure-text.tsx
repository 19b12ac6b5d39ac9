import { useI18n } from '../i18n-context';
import { describeError } from './describe-error';

/** A failure in the page's language, inside a template such as "The capture failed: $1". */
export function FailureText({ error, template }: { error: unknown; template?: string }) {
  const { t } = useI18n();
  const text = describeError(t, error);
  return <>{template ? t(template, text) : text}</>;
}
