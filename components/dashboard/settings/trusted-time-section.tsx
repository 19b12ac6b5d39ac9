import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  commonName,
  parseCertificate,
  pemCertificates,
} from '../../../lib/evidence/timestamp/x509';
import { request } from '../../../lib/messaging/client';
import { MAX_TSAS, type TimestampAuthority } from '../../../lib/model/timestamp-authority';
import {
  originPattern,
  releaseOrigin,
  requestOrigins,
  type PermissionsApi,
} from '../../../lib/permissions/origin-permission';
import { useI18n } from '../../i18n-context';
import { ErrorBanner } from '../../ui/error-banner';
import { errorText, useLoad } from '../../ui/use-request';
import { TsaAddForm } from './tsa-add-form';
import { stampFailureText } from '../exchange/stamp-failure';

type TestState =
  | { state: 'testing' }
  | { state: 'ok'; time: string; tsa: string | null }
  | { state: 'failed'; reason: string };

const permissions = browser.permissions as unknown as PermissionsApi;

const caName = (pem: string): string => {
  try {
    return pemCertificates(pem).map(parseCertificate).map(commonName).join(', ');
  } catch {
    return '?';
  }
};

/**
 * Settings → Trusted time: RFC 3161 time-stamping authorities, off by default. What is sent (a
 * hash) and to whom is said before anything is added; each TSA's host is asked for when added.
 */
export function TrustedTimeSection() {
  const { t, formatTime } = useI18n();
  const settings = useLoad(() => request('settings.get'));
  const queue = useLoad(() => request('tsa.queue'));
  const [tests, setTests] = useState<Record<string, TestState>>({});
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const tsas = settings.data?.timestampAuthorities ?? [];

  const save = async (patch: {
    timestampAuthorities?: TimestampAuthority[];
    stampCaptures?: boolean;
  }) => {
    await request('settings.set', { patch });
    settings.reload();
  };
  const test = async (tsa: TimestampAuthority) => {
    setTests((s) => ({ ...s, [tsa.url]: { state: 'testing' } }));
    try {
      const r = await request('tsa.test', { url: tsa.url, caPem: tsa.caPem });
      setTests((s) => ({
        ...s,
        [tsa.url]: r.ok
          ? { state: 'ok', time: r.time ?? '', tsa: r.tsa ?? null }
          : { state: 'failed', reason: r.reason },
      }));
    } catch (e) {
      setTests((s) => ({ ...s, [tsa.url]: { state: 'failed', reason: errorText(e) } }));
    }
  };
  // Straight from the click: the permission request must be the first thing it does.
  const add = (tsa: TimestampAuthority) => {
    setError(null);
    const asked = requestOrigins(permissions, [tsa.url]);
    setAsking(originPattern(tsa.url));
    asked
      .then(async (granted) => {
        setAsking(null);
        if (!granted) {
          setError(t('tsaPermissionRefused', originPattern(tsa.url)));
          return;
        }
        await save({ timestampAuthorities: [...tsas, tsa] });
        setFormKey((k) => k + 1);
        await test(tsa);
      })
      .catch((e: unknown) => {
        setAsking(null);
        setError(errorText(e));
      });
  };
  const remove = async (tsa: TimestampAuthority) => {
    setError(null);
    try {
      const rest = tsas.filter((x) => x.url !== tsa.url);
      await save({ timestampAuthorities: rest, ...(rest.length ? {} : { stampCaptures: false }) });
      await releaseOrigin(
        permissions,
        tsa.url,
        rest.map((r) => r.url),
      );
      queue.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const retry = async () => {
    try {
      await request('tsa.retry');
    } finally {
      queue.reload();
    }
  };
  const waiting = queue.data ?? [];
  const lastProblem = waiting.find((j) => j.lastError)?.lastError;

  return (
    <section class="panel" aria-labelledby="tsa-heading" data-testid="trusted-time">
      <h2 id="tsa-heading">{t('tsaHeading')}</h2>
      <p>{t('tsaIntro')}</p>
      <ErrorBanner error={error ?? settings.error} />
      {asking && (
        <p class="muted" role="status" data-testid="tsa-asking">
          {t('tsaAsking', asking)}
        </p>
      )}
      {settings.data && tsas.length === 0 && (
        <p class="muted" data-testid="tsa-none">
          {t('tsaNone')}
        </p>
      )}
      {tsas.length > 0 && (
        <ul class="tsa-list" data-testid="tsa-list">
          {tsas.map((tsa) => {
            const state = tests[tsa.url];
            return (
              <li key={tsa.url} data-testid="tsa-item">
                <strong>{tsa.name}</strong> <span class="mono break">{tsa.url}</span>
                <div class="muted">
                  {t('tsaCa')}: {caName(tsa.caPem)}
                </div>
                {state?.state === 'testing' && <div class="muted">{t('tsaTesting')}</div>}
                {state?.state === 'ok' && (
                  <div class="ok" data-testid="tsa-test-ok">
                    ✓ {t('tsaTestOk', formatTime(state.time), state.tsa ?? '?')}
                  </div>
                )}
                {state?.state === 'failed' && (
                  <div class="bad" data-testid="tsa-test-failed">
                    ✗ {t('tsaTestFailed', state.reason)}
                  </div>
                )}
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => void test(tsa)}>
                    {t('tsaTest')}
                  </button>
                  <button type="button" class="secondary" onClick={() => void remove(tsa)}>
                    {t('tsaRemove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {settings.data && (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={settings.data.stampCaptures}
            disabled={tsas.length === 0}
            onChange={(e) =>
              void save({ stampCaptures: (e.currentTarget as HTMLInputElement).checked })
            }
          />
          {t('tsaStampCaptures')}
        </label>
      )}
      {waiting.length > 0 && (
        <p class="muted" data-testid="tsa-queue">
          {t(
            'tsaQueue',
            String(waiting.length),
            lastProblem ? stampFailureText(t, lastProblem.code, lastProblem.reason) : '—',
          )}{' '}
          <button type="button" class="secondary" onClick={() => void retry()}>
            {t('tsaRetry')}
          </button>
        </p>
      )}
      {settings.data &&
        (tsas.length < MAX_TSAS ? (
          <TsaAddForm
            key={formKey}
            configured={tsas.map((x) => x.url)}
            onAdd={add}
            busy={asking !== null}
          />
        ) : (
          <p class="muted">{t('tsaMax')}</p>
        ))}
    </section>
  );
}
