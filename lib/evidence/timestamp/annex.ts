// Where time-stamp tokens sit in a package, and the short README beside them.
//   timestamps/<n>.tsr               RFC 3161 tokens over statement.sig, one per TSA; added after
//                                    signing (so outside the signed manifest) at export or later
//                                    by `dalel stamp`: the "unsigned annex"
//   timestamps/README                what they are and how to check them by hand
//   captures/<id>/timestamps/<n>.tsr tokens over a capture's seal taken when it was captured;
//                                    they predate the export, so they are listed and signed
import { LAYOUT } from '../manifest';

export const TIMESTAMPS = {
  dir: 'timestamps/',
  readme: 'timestamps/README',
  token: (n: number) => `timestamps/${n}.tsr`,
  captureToken: (captureId: string, n: number) => `captures/${captureId}/timestamps/${n}.tsr`,
} as const;

const ANNEX_TOKEN = /^timestamps\/([1-9][0-9]{0,2})\.tsr$/;
const CAPTURE_TOKEN = /^captures\/([^/]+)\/timestamps\/([1-9][0-9]{0,2})\.tsr$/;

/** The token number of an annex token name, or null. */
export function annexTokenNumber(name: string): number | null {
  const m = ANNEX_TOKEN.exec(name);
  return m ? Number(m[1]) : null;
}

/** The capture a listed capture-time token belongs to, or null. */
export function captureTokenOwner(name: string): string | null {
  return CAPTURE_TOKEN.exec(name)?.[1] ?? null;
}

/** One TSA's outcome at export, as the README and the `exported` custody event record it. */
export interface StampSummary {
  url: string;
  ok: boolean;
  /** The token's file, when stamped. */
  file?: string;
  time?: string;
  tsa?: string;
  /** Kept although it chains to no CA trusted when stamping (the CLI without --tsa-ca). */
  untrusted?: boolean;
  /** Why not, when not stamped (a stable code) and a short English reason. */
  code?: string;
  reason?: string;
}

/** timestamps/README (English, then Russian). Not signed and not evidence: a guide. */
export function timestampsReadme(summary: readonly StampSummary[]): string {
  const failed = summary.filter((s) => !s.ok);
  const omitted = failed.length
    ? `\nNOT TIME-STAMPED by: ${failed.map((f) => `${f.url} (${f.reason ?? f.code})`).join('; ')}.
A token can be added later with: dalel stamp package.zip --tsa <url>\n`
    : '';
  return `TIME-STAMP TOKENS (RFC 3161)
Each N.tsr here is a time-stamp token from an independent time-stamping authority (TSA) over the
SHA-256 of ${LAYOUT.signature}. It proves that the signature, and so everything it signs, existed
no later than the time in the token: a key stolen or seized later cannot make an earlier one.
These files are added after signing, so the signed manifest does not list them; a token that is
damaged, forged or from an untrusted TSA is reported as such and never makes a package valid.
Only the SHA-256 hash was sent to the TSA, never any content.
${omitted}
Check by hand (OpenSSL), with the TSA's root certificate obtained from the TSA:
  openssl ts -reply -in timestamps/1.tsr -text
  openssl ts -verify -data ${LAYOUT.signature} -in timestamps/1.tsr -CAfile <tsa-ca.pem>
Tokens over single captures, taken when they were captured, are in captures/<id>/timestamps/:
  openssl ts -verify -digest <seal hex> -in captures/<id>/timestamps/1.tsr -CAfile <tsa-ca.pem>

МЕТКИ ВРЕМЕНИ (RFC 3161)
Каждый файл N.tsr — метка времени независимого сервиса (TSA) на SHA-256 файла ${LAYOUT.signature}.
Она доказывает, что подпись, а значит и всё подписанное, существовала не позднее указанного
времени: украденным или изъятым позже ключом нельзя получить более раннюю метку. Файлы
добавлены после подписи и не входят в подписанный манифест; повреждённая, поддельная или
выданная недоверенным сервисом метка отмечается как таковая и не делает пакет действительным.
Сервису отправлялся только хеш SHA-256, без содержимого.
Проверка вручную: openssl ts -verify -data ${LAYOUT.signature} -in timestamps/1.tsr -CAfile <tsa-ca.pem>
`;
}
