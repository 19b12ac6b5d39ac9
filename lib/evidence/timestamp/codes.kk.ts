// Kazakh words for the time-stamp checks (same codes and parameters as TOKEN_MESSAGES_EN).
import type { TokenMessages } from './codes';
import type { TimestampWords } from './format';

export const TOKEN_MESSAGES_KK: TokenMessages = {
  trusted: (p) => `${p.tsa} қойған уақыт белгісі: ${p.time} (сенімді)`,
  unparsable: (p) => `RFC 3161 уақыт белгісі ретінде оқылмайды: ${p.reason}`,
  not_granted: (p) =>
    `уақыт белгісі қызметі сұрауды қабылдамады (күйі ${p.status}${p.text ? `: ${p.text}` : ''})`,
  not_tst_info: () => 'белгіде RFC 3161 бойынша TSTInfo жоқ',
  signer_count: (p) => `белгіде ${p.count} қол қоюшы бар; дәл біреуі болуы керек`,
  imprint_algorithm: (p) => `ізінің ${p.algorithm} хеш алгоритмі қабылданбайды`,
  imprint_mismatch: (p) =>
    `басқа байттарды қамтиды: оның ${p.found} ізі ${p.covered} хеші (${p.expected}) емес`,
  covered_missing: (p) => `${p.covered} пакетте жоқ, сондықтан белгі мұнда ештеңені қамтымайды`,
  signer_cert_missing: () =>
    'уақыт белгісі қызметінің сертификаты белгіде жоқ (сұрау оны талап етпеген)',
  content_type_attr: () => 'қол қойылған content-type атрибуты жоқ немесе TSTInfo емес',
  message_digest_attr: () =>
    'қол қойылған хабар хеші TSTInfo-мен сәйкес емес (белгі қол қойылғаннан кейін өзгертілген)',
  signing_cert_attr: (p) => `ESS signing-certificate атрибуты: ${p.problem}`,
  signature_invalid: () =>
    'уақыт белгісі қызметінің қолтаңбасы тексеруден өтпейді (белгі жалған не өзгертілген)',
  algorithm_unsupported: (p) => `қолтаңбаны тексеру мүмкін емес: ${p.reason}`,
  tsa_purpose: (p) => `${p.subject} қолтаңба сертификаты уақыт белгісіне арналмаған (${p.problem})`,
  tsa_key_usage: (p) => `${p.subject} қолтаңба сертификатына электрондық қолтаңба қоюға рұқсат жоқ`,
  chain_untrusted: (p) =>
    `уақыт белгісі қызметі сенімді емес: сенімді КО-ға дейін тізбек жоқ (беруші ${p.issuer}); оның КО сертификатын --tsa-ca арқылы көрсетіңіз`,
  chain_not_valid_at_time: (p) =>
    `${p.subject} сертификаты ${p.time} кезінде жарамды болмаған (жарамдылығы ${p.notBefore} – ${p.notAfter})`,
  chain_bad_signature: (p) => `${p.subject} сертификатына оның берушісі қол қоймаған`,
  chain_not_ca: (p) => `${p.subject} сертификат беруге рұқсаты бар КО емес`,
  chain_path_length: (p) =>
    `${p.subject} жол ұзындығы шегі рұқсат еткеннен көп КО деңгейін шығарған`,
  chain_critical_extension: (p) =>
    `${p.subject} сертификатында белгісіз ${p.oid} сыни кеңейтуі бар`,
  chain_purpose: (p) => `${p.subject} КО-ның уақыт белгісі сертификаттарын беруге құқығы жоқ`,
  chain_algorithm: (p) => `${p.subject} сертификатын тексеру мүмкін емес: ${p.reason}`,
  tsa_cert_expired_since: (p) =>
    `уақыт белгісі қызметі сертификатының мерзімі содан бері өткен (${p.notAfter}); белгі ол жарамды кезде қойылған`,
  stamped_long_after_signing: (p) =>
    `белгі пакетке қол қойылғаннан ${p.minutes} минуттан кейін қойылған (кейін қосылған, мысалы dalel stamp арқылы)`,
  stamped_before_signing: (p) =>
    `қызмет уақыты қол қоюшы көрсеткен уақыттан ${p.minutes} минут ерте (қол қоюшының сағаты алға кеткен)`,
};

export const TIMESTAMP_WORDS_KK: TimestampWords = {
  tokens: TOKEN_MESSAGES_KK,
  trustedTime: (p) =>
    `Сенімді уақыт: ${p.time} кешіктірмей қол қойылған, қызмет ${p.tsa} (${p.file}).`,
  notOverSignature:
    'Уақыт белгісі жоқ: statement.sig үшін сенімді белгі жоқ; пакет уақыты — тек қол қоюшының өз мәлімдемесі.',
  notStamped:
    'Уақыт белгісі жоқ: пакетте бірде-бір уақыт белгісі жоқ; пакет уақыты — тек қол қоюшының өз мәлімдемесі.',
  tokenSays: (p) => ` (белгіде ${p.time}${p.tsa ? `, ${p.tsa}` : ''} көрсетілген)`,
};
