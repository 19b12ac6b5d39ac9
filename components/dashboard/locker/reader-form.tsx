import { useState } from 'preact/hooks';
import type { ReaderConfig, ReaderConfigInput } from '../../../lib/locker/reader-config';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { browser } from 'wxt/browser';
import { requestOrigins, type PermissionsApi } from '../../../lib/permissions/origin-permission';
import { errorText } from '../../vault/error-text';
import { readerApi, readerOriginsOf } from './reader-api';
import { LockerSecretField } from '../settings/locker-secret-field';

interface Props {
  initial: ReaderConfig | null;
  hasSecret: boolean;
  onSaved: () => void;
  onCancel: (() => void) | null;
}

/**
 * The read-only key for the bucket. Saving first asks the browser for the endpoint's origin, in
 * the click itself (Firefox allows a permission request only there), then stores the key: its
 * secret only under the passphrase lock, like the monitors' write key.
 */
export function ReaderForm({ initial, hasSecret, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [endpoint, setEndpoint] = useState(initial?.endpoint ?? '');
  const [bucket, setBucket] = useState(initial?.bucket ?? '');
  const [region, setRegion] = useState(initial?.region ?? 'us-east-1');
  const [accessKeyId, setAccessKeyId] = useState(initial?.accessKeyId ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const config: ReaderConfigInput = {
    endpoint: endpoint.trim(),
    bucket: bucket.trim(),
    region: region.trim() || 'us-east-1',
    accessKeyId: accessKeyId.trim(),
  };
  const keepSecret = hasSecret && initial?.accessKeyId === accessKeyId.trim();

  const save = (event: Event) => {
    event.preventDefault();
    const origins = readerOriginsOf(config);
    if (!origins) return setError(t('lockerInvalid'));
    // No await before this call: it must run inside the click.
    const asked = requestOrigins(browser.permissions as unknown as PermissionsApi, origins);
    setBusy(true);
    void (async () => {
      try {
        if (!(await asked)) return setError(t('lockerPermissionRefused', origins.join(', ')));
        await readerApi.configure(config, secret || undefined);
        setError(null);
        onSaved();
      } catch (e) {
        setError(errorText(t, e));
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <form onSubmit={save} data-testid="reader-form">
      <p class="muted">{t('pullKeyNote')}</p>
      <Field
        label={t('lockerEndpoint')}
        type="url"
        value={endpoint}
        onInput={setEndpoint}
        required
        name="endpoint"
        placeholder="https://s3.example.org"
      />
      <Field label={t('lockerBucket')} value={bucket} onInput={setBucket} required name="bucket" />
      <Field label={t('lockerRegion')} value={region} onInput={setRegion} name="region" />
      <Field
        label={t('pullAccessKeyId')}
        value={accessKeyId}
        onInput={setAccessKeyId}
        required
        name="accessKeyId"
      />
      <LockerSecretField keepSecret={keepSecret} value={secret} onInput={setSecret} />
      <ErrorBanner error={error} />
      <button type="submit" disabled={busy}>
        {t('lockerSave')}
      </button>{' '}
      {onCancel && (
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </form>
  );
}
