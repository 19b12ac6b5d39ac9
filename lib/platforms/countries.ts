import { foldForMatch } from './text';

/**
 * Country names as platforms print them in withheld / geo-block notices (English, Russian in its
 * common cases, Kazakh stems) → ISO 3166-1 alpha-2. Deliberately a list of the countries that
 * matter for the monitors' work plus the usual legal-demand countries, not all 249.
 */
const TABLE: ReadonlyArray<[code: string, en: string[], ru: string[], kk: string[]]> = [
  ['KZ', ['Kazakhstan'], ['Казахстан'], ['Қазақстан']],
  ['RU', ['Russia', 'Russian Federation'], ['Россия', 'Российская Федерация'], ['Ресей']],
  ['BY', ['Belarus'], ['Беларусь', 'Белоруссия'], ['Беларусь']],
  ['UA', ['Ukraine'], ['Украина'], ['Украина']],
  ['UZ', ['Uzbekistan'], ['Узбекистан'], ['Өзбекстан']],
  ['KG', ['Kyrgyzstan'], ['Киргизия', 'Кыргызстан'], ['Қырғызстан']],
  ['TJ', ['Tajikistan'], ['Таджикистан'], ['Тәжікстан']],
  ['TM', ['Turkmenistan'], ['Туркменистан', 'Туркмения'], ['Түрікменстан']],
  ['AZ', ['Azerbaijan'], ['Азербайджан'], ['Әзірбайжан']],
  ['AM', ['Armenia'], ['Армения'], ['Армения']],
  ['GE', ['Georgia'], ['Грузия'], ['Грузия']],
  ['CN', ['China'], ['Китай'], ['Қытай']],
  ['IN', ['India'], ['Индия'], ['Үндістан']],
  ['PK', ['Pakistan'], ['Пакистан'], ['Пәкістан']],
  ['IR', ['Iran'], ['Иран'], ['Иран']],
  ['TR', ['Turkey', 'Türkiye'], ['Турция'], ['Түркия']],
  ['DE', ['Germany'], ['Германия'], ['Германия']],
  ['FR', ['France'], ['Франция'], ['Франция']],
  ['GB', ['United Kingdom', 'UK'], ['Великобритания', 'Соединённое Королевство'], ['Ұлыбритания']],
  [
    'US',
    ['United States', 'USA'],
    ['США', 'Соединённые Штаты'],
    ['АҚШ', 'Америка Құрама Штаттары'],
  ],
  ['NL', ['Netherlands'], ['Нидерланды'], ['Нидерланд']],
  ['AT', ['Austria'], ['Австрия'], ['Австрия']],
  ['IT', ['Italy'], ['Италия'], ['Италия']],
  ['ES', ['Spain'], ['Испания'], ['Испания']],
  ['PL', ['Poland'], ['Польша'], ['Польша']],
  ['BR', ['Brazil'], ['Бразилия'], ['Бразилия']],
  ['JP', ['Japan'], ['Япония'], ['Жапония']],
  ['KR', ['South Korea', 'Korea'], ['Южная Корея', 'Корея'], ['Оңтүстік Корея', 'Корея']],
  ['ID', ['Indonesia'], ['Индонезия'], ['Индонезия']],
  ['EG', ['Egypt'], ['Египет'], ['Мысыр']],
  ['SA', ['Saudi Arabia'], ['Саудовская Аравия'], ['Сауд Арабиясы']],
  ['AE', ['United Arab Emirates', 'UAE'], ['ОАЭ', 'Объединённые Арабские Эмираты'], ['БАӘ']],
  ['IL', ['Israel'], ['Израиль'], ['Израиль']],
  ['CA', ['Canada'], ['Канада'], ['Канада']],
  ['AU', ['Australia'], ['Австралия'], ['Австралия']],
  ['MN', ['Mongolia'], ['Монголия'], ['Моңғолия']],
  ['VN', ['Vietnam', 'Viet Nam'], ['Вьетнам'], ['Вьетнам']],
  ['TH', ['Thailand'], ['Таиланд'], ['Тайланд']],
  ['MY', ['Malaysia'], ['Малайзия'], ['Малайзия']],
  ['SG', ['Singapore'], ['Сингапур'], ['Сингапур']],
  ['MX', ['Mexico'], ['Мексика'], ['Мексика']],
  ['CH', ['Switzerland'], ['Швейцария'], ['Швейцария']],
  ['SE', ['Sweden'], ['Швеция'], ['Швеция']],
  ['BE', ['Belgium'], ['Бельгия'], ['Бельгия']],
  ['IE', ['Ireland'], ['Ирландия'], ['Ирландия']],
  ['LT', ['Lithuania'], ['Литва'], ['Литва']],
  ['LV', ['Latvia'], ['Латвия'], ['Латвия']],
  ['EE', ['Estonia'], ['Эстония'], ['Эстония']],
  ['MD', ['Moldova'], ['Молдавия', 'Молдова'], ['Молдова']],
  ['AF', ['Afghanistan'], ['Афганистан'], ['Ауғанстан']],
];

/** Russian names change their ending with case ("в России", "в Германии", "в США"). */
function ruForms(name: string): string[] {
  const words = name.split(' ');
  if (words.length > 1 || /^[А-ЯЁ]+$/.test(name)) return [name];
  if (name.endsWith('ия')) return ['ия', 'ии', 'ию', 'ией'].map((e) => name.slice(0, -2) + e);
  if (name.endsWith('а')) return ['а', 'е', 'ы', 'у', 'и', 'ой'].map((e) => name.slice(0, -1) + e);
  if (name.endsWith('ь')) return ['ь', 'и', 'ью'].map((e) => name.slice(0, -1) + e);
  return ['', 'е', 'а', 'у', 'ом'].map((e) => name + e);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS: ReadonlyArray<[string, RegExp]> = TABLE.map(([code, en, ru, kk]) => {
  const whole = [...en, ...ru.flatMap(ruForms)].map((n) => escape(foldForMatch(n)));
  // Kazakh adds case suffixes to the stem (Ресейде, Қазақстанның), so its names match as prefixes.
  const prefixes = kk.map((n) => escape(foldForMatch(n)));
  const pattern = `(?<!\\p{L})(?:(?:${whole.join('|')})(?!\\p{L})|(?:${prefixes.join('|')}))`;
  return [code, new RegExp(pattern, 'u')];
});

/** ISO codes of the countries named in `text`, in table order, de-duplicated. */
export function countriesIn(text: string): string[] {
  const folded = foldForMatch(text);
  const codes: string[] = [];
  for (const [code, pattern] of MATCHERS) if (pattern.test(folded)) codes.push(code);
  // X's API and some notices list bare upper-case codes ("withheld in: DE, FR").
  if (/withheld|стран|елінде/i.test(text)) {
    for (const m of text.matchAll(/(?<![\p{L}])([A-Z]{2})(?![\p{L}])/gu)) {
      const code = m[1]!;
      if (TABLE.some(([c]) => c === code) && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}
