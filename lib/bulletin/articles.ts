import type { Language } from '../i18n/translator';

/**
 * What the articles of Kazakhstan's Criminal Code most often used against activists are about,
 * in the words monitoring bulletins use (short, not the statute's full title), so a bulletin can
 * say "Article 405 Part 2 (“participation in an extremist organization”)" when the monitor typed
 * only the number. Parts that differ in substance have their own wording.
 */
const WORDINGS: Record<string, Record<Language, string>> = {
  '174': {
    en: 'incitement of social, national, clan, racial, class or religious discord',
    ru: 'возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни',
    kk: 'әлеуметтік, ұлттық, рулық, нәсілдік, тектік немесе діни алауыздықты қоздыру',
  },
  '179': {
    en: 'propaganda or public calls to seize or retain power',
    ru: 'пропаганда или публичные призывы к захвату или удержанию власти',
    kk: 'билікті басып алуға немесе ұстап қалуға үгіттеу немесе жария түрде шақыру',
  },
  '256': {
    en: 'propaganda of terrorism or public calls to commit an act of terrorism',
    ru: 'пропаганда терроризма или публичные призывы к совершению акта терроризма',
    kk: 'терроризмді насихаттау немесе терроризм актісін жасауға жария түрде шақыру',
  },
  '272': {
    en: 'mass riots',
    ru: 'массовые беспорядки',
    kk: 'жаппай тәртіпсіздіктер',
  },
  '274': {
    en: 'dissemination of knowingly false information',
    ru: 'распространение заведомо ложной информации',
    kk: 'көрінеу жалған ақпарат тарату',
  },
  '405': {
    en: 'organizing or participating in the activities of an extremist organization',
    ru: 'организация и участие в деятельности экстремистской организации',
    kk: 'экстремистік ұйымның қызметін ұйымдастыру және оған қатысу',
  },
  '405.1': {
    en: 'organizing the activities of an extremist organization',
    ru: 'организация деятельности экстремистской организации',
    kk: 'экстремистік ұйымның қызметін ұйымдастыру',
  },
  '405.2': {
    en: 'participation in an extremist organization',
    ru: 'участие в деятельности экстремистской организации',
    kk: 'экстремистік ұйымның қызметіне қатысу',
  },
};

/** The article (and part) number in what the monitor typed: "Art. 405 Part 2", "ст. 405 ч. 2", "405-бап 2-бөлігі". */
export function articleNumber(text: string): { article: string; part: string | null } | null {
  const t = text.toLowerCase();
  // Kazakh puts the number first ("405-бап 2-бөлігі"); Russian and English after the word.
  const article =
    /(\d{1,4})\s*-?\s*бап/.exec(t)?.[1] ??
    /(?:\bart(?:icle)?\.?|(?:^|[^а-яё])ст(?:атья|атьи|\.)?)\s*(\d{1,4})/.exec(t)?.[1] ??
    /^\s*(\d{1,4})\b/.exec(t)?.[1];
  if (!article) return null;
  const part =
    /(\d{1,2})\s*-?\s*бөлі/.exec(t)?.[1] ??
    /(?:\bpart|(?:^|[^а-яё])ч(?:асть|асти|\.)?)\s*(\d{1,2})/.exec(t)?.[1] ??
    null;
  return { article, part };
}

/**
 * The article as the bulletin writes it: what the monitor typed, followed by what it is about
 * when the text says only the number and Dalel knows the article.
 */
export function articleWithWording(
  text: string,
  language: Language,
  quote: (s: string) => string,
): string {
  const typed = text.trim();
  if (!typed || /[(«“"]/.test(typed)) return typed; // the wording is there already
  const n = articleNumber(typed);
  if (!n) return typed;
  const wording = (n.part && WORDINGS[`${n.article}.${n.part}`]) || WORDINGS[n.article];
  return wording ? `${typed} (${quote(wording[language])})` : typed;
}
