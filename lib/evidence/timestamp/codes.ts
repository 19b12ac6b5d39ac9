// Stable result codes of the time-stamp checks, with their parameters, and the one English text
// table. Translations (codes.ru.ts, codes.kk.ts) key on the code; never parse the English.

export type TokenCode =
  | 'trusted'
  | 'unparsable'
  | 'not_granted'
  | 'not_tst_info'
  | 'signer_count'
  | 'imprint_algorithm'
  | 'imprint_mismatch'
  | 'covered_missing'
  | 'signer_cert_missing'
  | 'content_type_attr'
  | 'message_digest_attr'
  | 'signing_cert_attr'
  | 'signature_invalid'
  | 'algorithm_unsupported'
  | 'tsa_purpose'
  | 'tsa_key_usage'
  | 'chain_untrusted'
  | 'chain_not_valid_at_time'
  | 'chain_bad_signature'
  | 'chain_not_ca'
  | 'chain_path_length'
  | 'chain_critical_extension'
  | 'chain_purpose'
  | 'chain_algorithm'
  // notes (do not change the outcome)
  | 'tsa_cert_expired_since'
  | 'stamped_long_after_signing'
  | 'stamped_before_signing';

export type TokenParams = Record<string, string>;

/** The words for every token code: English here, Russian and Kazakh in codes.ru.ts / codes.kk.ts. */
export type TokenMessages = Record<TokenCode, (p: TokenParams) => string>;

export const TOKEN_MESSAGES_EN: TokenMessages = {
  trusted: (p) => `time-stamped by ${p.tsa} at ${p.time} (trusted)`,
  unparsable: (p) => `not a readable RFC 3161 time-stamp token: ${p.reason}`,
  not_granted: (p) =>
    `the TSA refused the request (status ${p.status}${p.text ? `: ${p.text}` : ''})`,
  not_tst_info: () => 'the token does not contain an RFC 3161 TSTInfo',
  signer_count: (p) => `the token has ${p.count} signers; exactly one is expected`,
  imprint_algorithm: (p) => `imprint hash algorithm ${p.algorithm} is not accepted`,
  imprint_mismatch: (p) =>
    `covers other bytes: its imprint ${p.found} is not the hash of ${p.covered} (${p.expected})`,
  covered_missing: (p) => `${p.covered} is not in the package, so the token covers nothing here`,
  signer_cert_missing: () =>
    "the TSA's certificate is not in the token (the request did not ask for it)",
  content_type_attr: () => 'the signed content-type attribute is missing or not TSTInfo',
  message_digest_attr: () =>
    'the signed message digest does not match the TSTInfo (token altered after signing)',
  signing_cert_attr: (p) => `the ESS signing-certificate attribute ${p.problem}`,
  signature_invalid: () => "the TSA's signature does not verify (forged or altered token)",
  algorithm_unsupported: (p) => `cannot check the signature: ${p.reason}`,
  tsa_purpose: (p) =>
    `the signing certificate ${p.subject} is not a time-stamping certificate (${p.problem})`,
  tsa_key_usage: (p) => `the signing certificate ${p.subject} may not make digital signatures`,
  chain_untrusted: (p) =>
    `the TSA is not trusted: no chain to a trusted CA (issuer ${p.issuer}); pass its CA with --tsa-ca`,
  chain_not_valid_at_time: (p) =>
    `certificate ${p.subject} was not valid at ${p.time} (valid ${p.notBefore} to ${p.notAfter})`,
  chain_bad_signature: (p) => `certificate ${p.subject} is not signed by its issuer`,
  chain_not_ca: (p) => `${p.subject} is not a CA allowed to issue certificates`,
  chain_path_length: (p) => `${p.subject} issued more levels of CAs than its path length allows`,
  chain_critical_extension: (p) =>
    `certificate ${p.subject} has an unknown critical extension ${p.oid}`,
  chain_purpose: (p) => `CA ${p.subject} is not allowed to issue time-stamping certificates`,
  chain_algorithm: (p) => `cannot check certificate ${p.subject}: ${p.reason}`,
  tsa_cert_expired_since: (p) =>
    `the TSA certificate has expired since (${p.notAfter}); the token was made while it was valid`,
  stamped_long_after_signing: (p) =>
    `stamped ${p.minutes} minutes after the package was signed (added later, e.g. by dalel stamp)`,
  stamped_before_signing: (p) =>
    `the TSA time is ${p.minutes} minutes before the signer's stated time (the signer's clock was ahead)`,
};

/** The text of a code with its parameters, in English unless another table is given. */
export function tokenMessage(
  code: TokenCode,
  params: TokenParams = {},
  table: TokenMessages = TOKEN_MESSAGES_EN,
): string {
  return table[code](params);
}

/** Every code, for tests and translators. */
export const TOKEN_CODES = Object.keys(TOKEN_MESSAGES_EN) as TokenCode[];
