// The trusted-time step of README.txt, in its three languages. The command is run verbatim by
// tests/unit/evidence/timestamp/package-stamp.test.ts (with a test CA in place of <tsa-ca.pem>).
import { LAYOUT } from '../manifest';
import { TIMESTAMPS } from './annex';

export const TSA_VERIFY_COMMAND = `openssl ts -verify -data ${LAYOUT.signature} -in ${TIMESTAMPS.token(1)} -CAfile <tsa-ca.pem>`;

export function trustedTimeStep(language: 'en' | 'ru' | 'kk', step: number): string {
  if (language === 'kk')
    return `${step}. Сенімді уақыт (пакетте timestamps/ қалтасы болса):
   ${TSA_VERIFY_COMMAND}
   "Verification: OK" деп шығуы керек. <tsa-ca.pem> — уақыт белгісі қызметінің (TSA) түбірлік
   сертификаты, оны қызметтің өзінен алыңыз (DigiCert, GlobalSign, Sectigo және SSL.com
   сертификаттары жүйеде бұрыннан бар: -CAfile <tsa-ca.pem> орнына -CApath /etc/ssl/certs
   көрсетіңіз). Уақыт пен қызмет: openssl ts -reply -in ${TIMESTAMPS.token(1)} -text. Белгі
   ${LAYOUT.signature} файлының сол уақытта болғанын дәлелдейді. OpenSSL қызмет сертификатын бүгінгі
   күнге тексереді: содан бері оның мерзімі өтсе, бұл қадам қате береді, ал verify.html мен
   dalel verify оны белгі уақытына тексереді.
   timestamps/ қалтасы манифестке кірмейді: онда тек N.tsr файлдары мен README бола алады.`;
  if (language === 'ru')
    return `${step}. Время (если в пакете есть папка timestamps/):
   ${TSA_VERIFY_COMMAND}
   Должно быть выведено "Verification: OK". <tsa-ca.pem> — корневой сертификат службы меток
   времени (TSA), полученный от неё самой (у DigiCert, GlobalSign, Sectigo и SSL.com он уже есть в
   системе: вместо -CAfile <tsa-ca.pem> укажите -CApath /etc/ssl/certs). Время и имя службы:
   openssl ts -reply -in ${TIMESTAMPS.token(1)} -text. Метка доказывает, что ${LAYOUT.signature}
   существовал в это время. OpenSSL проверяет сертификат службы на сегодняшнюю дату: если он с тех
   пор истёк, здесь будет ошибка, а verify.html и dalel verify проверяют на дату метки.
   Папка timestamps/ не входит в манифест: там могут быть только файлы N.tsr и README.`;
  return `${step}. Trusted time (if the package has a timestamps/ folder):
   ${TSA_VERIFY_COMMAND}
   Must print "Verification: OK". <tsa-ca.pem> is the root certificate of the time-stamping
   authority (TSA), obtained from the TSA itself (for DigiCert, GlobalSign, Sectigo and SSL.com
   it is already on the system: use -CApath /etc/ssl/certs instead of -CAfile <tsa-ca.pem>).
   The time and the TSA: openssl ts -reply -in ${TIMESTAMPS.token(1)} -text. The token proves
   that ${LAYOUT.signature} existed at that time. OpenSSL checks the TSA certificate at today's
   date: if it has expired since, this step fails, while verify.html and dalel verify check it
   at the token's time. timestamps/ is not in the manifest: only N.tsr files and README belong there.`;
}
