import type { PackageMeta } from './readme-txt';

/** README.txt in Kazakh: what the package is and how to verify it by hand. */
export function readmeKazakh(meta: PackageMeta, extra: string): string {
  return `
=== ҚАЗАҚША ===

БҰЛ НЕ
Құқық қорғаушы интернеттен сақтаған материалдар. Әр файлдың SHA-256 хеші manifest.json
файлына жазылған, манифестке Ed25519 кілтімен қол қойылған. Кез келген файлды қосу, жою
немесе өзгерту төмендегі тексерулерде анықталады.

  report.html     оқуға арналған есеп (кез келген браузерде интернетсіз ашылады)
  report.pdf      сол есеп PDF түрінде (сотқа беру үшін)
  verify.html     автоматты тексеру: браузерде ашып, осы .zip файлын таңдаңыз
  manifest.json   барлық файлдың тізімі: sha256 хеші, өлшемі және түрі
  statement.json  қол қойылған мәлімдеме (manifest.json файлының sha256 хеші бар)
  statement.sig   statement.json файлының Ed25519 қолтаңбасы (64 байт)
  signer.pem      қол қойған адамның ашық кілті
  SHA256SUMS      manifest.json тізіміндегі файлдардың хештері, sha256sum пішімінде
  captures/       сақталған файлдар өзгеріссіз және әр тіркеудің жазбасы
  records/        істер, адамдар және белгілер; custody/ сақтау тізбегінің журналы

ЕҢ ОҢАЙЫ: verify.html файлын Chrome, Firefox немесе Edge браузерінде ашып (интернет қажет емес),
осы .zip файлын таңдаңыз. Немесе dalel бағдарламасымен: dalel verify package.zip --key ${meta.fingerprint}

ҚОЛМЕН (Linux/macOS терминалы, OpenSSL 3.0 не жаңасы; Windows: Git Bash немесе WSL)
1. Ашу:         unzip package.zip -d package && cd package
2. Кілт:        openssl pkey -pubin -in signer.pem -outform DER | tail -c 32 | sha256sum
   Алғашқы 32 он алтылық цифр жіберуші сізге бөлек арнамен (жеке кездесіп, телефонмен) айтқан
   саусақ ізімен (сызықшасыз) сәйкес келуі керек. Сәйкес келмесе, пакет одан ЕМЕС.
3. Қолтаңба:    openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig
   "Signature Verified Successfully" деп шығуы керек.
4. Манифест:    sha256sum manifest.json
   statement.json ішіндегі "manifest" мәнімен ("sha256:" кейін) сәйкес келуі керек.
5. Файлдар:     sha256sum -c SHA256SUMS
   Әр жол OK деп аяқталуы керек. Содан кейін: grep -c "$(sha256sum SHA256SUMS | cut -c1-64)" manifest.json
   1 деп шығуы керек (SHA256SUMS файлының өзі қол қойылған манифестте бар).
6. Артық файл жоқ:  find . -type f ${extra} | sed 's|^\\./||' | sort | diff - <(cut -c67- SHA256SUMS | sort)
   Ештеңе шықпауы керек.
Сақтау журналын (custody/) verify.html мен dalel verify тексереді: events.jsonl — осы материалдар
туралы оқиғалар; proof.json — олардың мониторингшінің толық журналында қол қойылған түбір астында
тұрғанын және журнал бұрынғы экспорттарды жалғастыратынын дәлелдейтін Меркл дәлелі (RFC 6962).
Жоғарыдағы бақылау нүктесін сақтаңыз: келесі пакет оны жалғастыруы керек
(dalel verify new.zip --earlier this.zip).
`;
}
