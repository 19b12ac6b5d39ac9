// Russian words for the time-stamp checks (same codes and parameters as TOKEN_MESSAGES_EN).
import type { TokenMessages } from './codes';
import type { TimestampWords } from './format';

export const TOKEN_MESSAGES_RU: TokenMessages = {
  trusted: (p) => `метка времени от ${p.tsa}: ${p.time} (доверенная)`,
  unparsable: (p) => `не читается как метка времени RFC 3161: ${p.reason}`,
  not_granted: (p) =>
    `служба меток времени отклонила запрос (статус ${p.status}${p.text ? `: ${p.text}` : ''})`,
  not_tst_info: () => 'метка не содержит TSTInfo по RFC 3161',
  signer_count: (p) => `у метки подписантов: ${p.count}; должен быть ровно один`,
  imprint_algorithm: (p) => `алгоритм хеша отпечатка ${p.algorithm} не принимается`,
  imprint_mismatch: (p) =>
    `охватывает другие байты: её отпечаток ${p.found} не является хешем ${p.covered} (${p.expected})`,
  covered_missing: (p) => `${p.covered} нет в пакете, поэтому метка здесь ничего не охватывает`,
  signer_cert_missing: () =>
    'сертификата службы меток времени нет в метке (запрос его не требовал)',
  content_type_attr: () => 'подписанный атрибут content-type отсутствует или это не TSTInfo',
  message_digest_attr: () =>
    'подписанный хеш сообщения не совпадает с TSTInfo (метка изменена после подписания)',
  signing_cert_attr: (p) => `атрибут ESS signing-certificate: ${p.problem}`,
  signature_invalid: () =>
    'подпись службы меток времени не проходит проверку (метка подделана или изменена)',
  algorithm_unsupported: (p) => `невозможно проверить подпись: ${p.reason}`,
  tsa_purpose: (p) =>
    `сертификат подписи ${p.subject} не предназначен для меток времени (${p.problem})`,
  tsa_key_usage: (p) => `сертификату подписи ${p.subject} не разрешено ставить электронную подпись`,
  chain_untrusted: (p) =>
    `служба меток времени не доверенная: нет цепочки до доверенного УЦ (издатель ${p.issuer}); укажите её УЦ через --tsa-ca`,
  chain_not_valid_at_time: (p) =>
    `сертификат ${p.subject} не действовал на ${p.time} (срок действия с ${p.notBefore} по ${p.notAfter})`,
  chain_bad_signature: (p) => `сертификат ${p.subject} не подписан своим издателем`,
  chain_not_ca: (p) => `${p.subject} — не УЦ, которому разрешено выпускать сертификаты`,
  chain_path_length: (p) =>
    `${p.subject} выпустил больше уровней УЦ, чем позволяет его ограничение длины пути`,
  chain_critical_extension: (p) =>
    `у сертификата ${p.subject} неизвестное критическое расширение ${p.oid}`,
  chain_purpose: (p) => `УЦ ${p.subject} не вправе выпускать сертификаты для меток времени`,
  chain_algorithm: (p) => `невозможно проверить сертификат ${p.subject}: ${p.reason}`,
  tsa_cert_expired_since: (p) =>
    `срок сертификата службы меток времени с тех пор истёк (${p.notAfter}); метка поставлена, когда он действовал`,
  stamped_long_after_signing: (p) =>
    `метка поставлена через ${p.minutes} мин. после подписания пакета (добавлена позже, например командой dalel stamp)`,
  stamped_before_signing: (p) =>
    `время службы меток на ${p.minutes} мин. раньше времени, указанного подписантом (часы подписанта спешили)`,
};

export const TIMESTAMP_WORDS_RU: TimestampWords = {
  tokens: TOKEN_MESSAGES_RU,
  trustedTime: (p) =>
    `Доверенное время: подписано не позднее ${p.time}, служба ${p.tsa} (${p.file}).`,
  notOverSignature:
    'Без метки времени: нет доверенной метки на statement.sig; время пакета — лишь заявление подписанта.',
  notStamped:
    'Без метки времени: в пакете нет ни одной метки времени; время пакета — лишь заявление подписанта.',
  tokenSays: (p) => ` (в метке указано ${p.time}${p.tsa ? `, ${p.tsa}` : ''})`,
};
