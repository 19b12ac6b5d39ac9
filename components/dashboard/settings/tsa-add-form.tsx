import { useState } from 'preact/hooks';
import { KNOWN_TSAS } from '../../../lib/evidence/timestamp/known-tsas';
import {
  commonName,
  parseCertificate,
  pemCertificates,
} from '../../../lib/evidence/timestamp/x509';
import type { TimestampAuthority } from '../../../lib/model/timestamp-authority';
import { originPattern } from '../../../lib/permissions/origin-permission';
import { useI18n } from '../../i18n-context';
import { Field } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { TextArea } from '../../ui/text-area';

const CUSTOM = 'custom';

/** What the chosen CA certificate is, or why it cannot be used. */
function describeCa(pem: string): { ok: true; subject: string; until: string } | { ok: false } {
  try {
    const [first] = pemCertificates(pem).map(parseCertificate);
    return first
      ? { ok: true, subject: commonName(first), until: first.notAfter.toISOString() }
      : { ok: false };
  } catch {
    return { ok: false };
  }
}

function hostOf(url: string): string | null {
  try {
    return originPattern(url)
      .replace(/^https?:\/\//, '')
      .replace(/\/\*$/, '');
  } catch {
    return null;
  }
}

/**
 * Adds a TSA: one of those Dalel ships certificates for, or another by address and CA
 * certificate. `onAdd` is called straight from the click, so the browser's permission request
 * it makes still counts as the user's gesture.
 */
export function TsaAddForm({
  configured,
  onAdd,
  busy,
}: {
  configured: readonly string[];
  onAdd: (tsa: TimestampAuthority) => void;
  /** The browser's permission prompt is open. */
  busy: boolean;
}) {
  const { t, formatDate } = useI18n();
  const [choice, setChoice] = useState<string>(
    KNOWN_TSAS.find((k) => !configured.includes(k.url))?.id ?? CUSTOM,
  );
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [caPem, setCaPem] = useState('');
  const known = KNOWN_TSAS.find((k) => k.id === choice);
  const tsa: TimestampAuthority | null = known
    ? { url: known.url, name: known.name, caPem: known.roots.join('') }
    : hostOf(url) && caPem
      ? { url: url.trim(), name: name.trim() || hostOf(url)!, caPem }
      : null;
  const ca = caPem ? describeCa(caPem) : null;
  const duplicate = tsa !== null && configured.includes(tsa.url);
  const host = tsa ? hostOf(tsa.url) : null;
  const usable = tsa !== null && !duplicate && (known !== undefined || ca?.ok === true);

  const loadFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file && file.size < 64_000) setCaPem(await file.text());
  };

  return (
    <div class="tsa-add" data-testid="tsa-add">
      <h3>{t('tsaAddHeading')}</h3>
      <SelectField
        label={t('tsaChoose')}
        value={choice}
        onChange={setChoice}
        options={[
          ...KNOWN_TSAS.map((k) => ({ value: k.id, label: `${k.name} — ${k.url}` })),
          { value: CUSTOM, label: t('tsaCustom') },
        ]}
      />
      {choice === CUSTOM && (
        <>
          <Field
            type="url"
            label={t('tsaUrl')}
            value={url}
            onInput={setUrl}
            placeholder="https://"
          />
          <Field label={t('tsaName')} value={name} onInput={setName} />
          <TextArea label={t('tsaCaPem')} value={caPem} onInput={setCaPem} rows={4} />
          <div class="field">
            <label class="field-label" for="tsa-ca-file">
              {t('tsaCaFile')}
            </label>
            <input
              id="tsa-ca-file"
              type="file"
              accept=".pem,.crt,.cer,application/x-pem-file"
              onChange={(e) => void loadFile(e.currentTarget as HTMLInputElement)}
            />
          </div>
          {ca && !ca.ok && <p class="bad">{t('tsaCaInvalid')}</p>}
          {ca?.ok && <p class="muted">{t('tsaCaSubject', ca.subject, formatDate(ca.until))}</p>}
        </>
      )}
      {duplicate && <p class="muted">{t('tsaAlready')}</p>}
      <p class="muted">{t('tsaAddHint')}</p>
      <button type="button" disabled={!usable || busy} onClick={() => tsa && usable && onAdd(tsa)}>
        {t('tsaAdd', host ?? '…')}
      </button>
    </div>
  );
}
