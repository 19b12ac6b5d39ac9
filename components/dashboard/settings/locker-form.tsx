import { browser } from 'wxt/browser';
import { useState } from 'preact/hooks';
import {
  DEFAULT_RETENTION_DAYS,
  type LockerConfig,
  type LockerConfigInput,
} from '../../../lib/locker/config';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { Field } from '../../ui/field';
import { requestOrigins, type PermissionsApi } from '../../../lib/permissions/origin-permission';
import { errorText } from '../../vault/error-text';
import { lockerApi, originsOf } from './locker-api';
import { LockerSecretField } from './locker-secret-field';

interface Props {
  initial: LockerConfig | null;
  hasSecret: boolean;
  fingerprint: string | null;
  onSaved: () => void;
  onCancel: (() => void) | null;
}

/**
 * The locker's settings. Saving first asks the browser for the two origins it needs (the bucket's
 * endpoint, the organisation's service), right in the click — Firefox allows a permission request
 * only there — then stores the settings.
 */
export function LockerForm({ initial, hasSecret, fingerprint, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [endpoint, setEndpoint] = useState(initial?.endpoint ?? '');
  const [bucket, setBucket] = useState(initial?.bucket ?? '');
  const [region, setRegion] = useState(initial?.region ?? 'us-east-1');
  const [kind, setKind] = useState<'presigned' | 'key'>(initial?.auth.kind ?? 'presigned');
  const [serviceUrl, setServiceUrl] = useState(
    initial?.auth.kind === 'presigned' ? initial.auth.serviceUrl : '',
  );
  const [accessKeyId, setAccessKeyId] = useState(
    initial?.auth.kind === 'key' ? initial.auth.accessKeyId : '',
  );
  const [secret, setSecret] = useState('');
  const [days, setDays] = useState(String(initial?.retentionDays ?? DEFAULT_RETENTION_DAYS));
  const [pushCaptures, setPushCaptures] = useState(initial?.pushCaptures ?? true);
  const [pushExports, setPushExports] = useState(initial?.pushExports ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const config: LockerConfigInput = {
    endpoint: endpoint.trim(),
    bucket: bucket.trim(),
    region: region.trim() || 'us-east-1',
    auth:
      kind === 'presigned'
        ? { kind, serviceUrl: serviceUrl.trim() }
        : { kind, accessKeyId: accessKeyId.trim() },
    retentionDays: Number(days),
    mode: 'COMPLIANCE',
    pushCaptures,
    pushExports,
  };
  const keepSecret =
    kind === 'key' &&
    hasSecret &&
    initial?.auth.kind === 'key' &&
    initial.auth.accessKeyId === accessKeyId.trim();

  const save = (event: Event) => {
    event.preventDefault();
    const origins = originsOf(config);
    if (!origins) return setError(t('lockerInvalid'));
    // No await before this call: it must run inside the click.
    const asked = requestOrigins(browser.permissions as unknown as PermissionsApi, origins);
    setBusy(true);
    void (async () => {
      try {
        if (!(await asked)) return setError(t('lockerPermissionRefused', origins.join(', ')));
        await lockerApi.configure(config, kind === 'key' && secret ? secret : undefined);
        setError(null);
        onSaved();
      } catch (e) {
        setError(errorText(t, e));
      } finally {
        setBusy(false);
      }
    })();
  };

  const checkbox = (label: string, value: boolean, set: (v: boolean) => void, name: string) => (
    <label class="check">
      <input
        type="checkbox"
        name={name}
        checked={value}
        onChange={(e) => set((e.currentTarget as HTMLInputElement).checked)}
      />{' '}
      {label}
    </label>
  );

  return (
    <form onSubmit={save} data-testid="locker-form">
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
      <fieldset class="choices">
        <legend>{t('lockerAuthLegend')}</legend>
        <label class="check">
          <input
            type="radio"
            name="auth"
            checked={kind === 'presigned'}
            onChange={() => setKind('presigned')}
          />{' '}
          {t('lockerAuthPresigned')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="auth"
            checked={kind === 'key'}
            onChange={() => setKind('key')}
          />{' '}
          {t('lockerAuthKey')}
        </label>
      </fieldset>
      {kind === 'presigned' ? (
        <>
          <Field
            label={t('lockerServiceUrl')}
            type="url"
            value={serviceUrl}
            onInput={setServiceUrl}
            required
            name="serviceUrl"
          />
          {fingerprint && (
            <p class="muted">
              {t('lockerGiveFingerprint')} <span class="mono fingerprint">{fingerprint}</span>
            </p>
          )}
        </>
      ) : (
        <>
          <Field
            label={t('lockerAccessKeyId')}
            value={accessKeyId}
            onInput={setAccessKeyId}
            required
            name="accessKeyId"
          />
          <LockerSecretField keepSecret={keepSecret} value={secret} onInput={setSecret} />
        </>
      )}
      <Field
        label={t('lockerRetentionDays')}
        type="text"
        value={days}
        onInput={setDays}
        name="retentionDays"
      />
      <p class="muted">{t('lockerModeNote')}</p>
      {checkbox(t('lockerPushCaptures'), pushCaptures, setPushCaptures, 'pushCaptures')}
      {checkbox(t('lockerPushExports'), pushExports, setPushExports, 'pushExports')}
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
