import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { countriesIn } from '../../../lib/platforms/countries';
import { NOTICE_PHRASES } from '../../../lib/platforms/notice-phrases';
import { classifyDocument, classifyText, detectLanguage } from '../../../lib/platforms/notices';
import { NOTICE_TYPES, type NoticeType } from '../../../lib/platforms/record';

/** One message per notice type and language, worded as the platforms show them. */
const TABLE: Record<NoticeType, Record<'en' | 'ru' | 'kk', string>> = {
  not_found: {
    en: 'Page not found',
    ru: 'Страница не найдена',
    kk: 'Бет табылмады',
  },
  removed: {
    en: 'This video has been removed by the uploader',
    ru: 'Это видео было удалено пользователем',
    kk: 'Бұл бейне жойылды',
  },
  suspended: {
    en: 'Account suspended',
    ru: 'Аккаунт заблокирован',
    kk: 'Аккаунт бұғатталды',
  },
  withheld: {
    en: 'This Post from @dana_example has been withheld in Kazakhstan, Russia based on local law(s).',
    ru: 'Этот пост был удержан в Казахстане на основании местного законодательства.',
    kk: 'Бұл жазба Қазақстанда жергілікті заңға сәйкес шектелген.',
  },
  private: {
    en: 'This account is private',
    ru: 'Это закрытый аккаунт',
    kk: 'Бұл жабық аккаунт',
  },
  login_required: {
    en: 'Log in to see photos and videos from friends.',
    ru: 'Войдите, чтобы увидеть фото и видео друзей.',
    kk: 'Досыңыздың фотоларын көру үшін кіріңіз.',
  },
  age_restricted: {
    en: 'Sign in to confirm your age',
    ru: 'Войдите, чтобы подтвердить свой возраст',
    kk: 'Жасыңызды растаңыз',
  },
  geo_blocked: {
    en: 'The uploader has not made this video available in your country',
    ru: 'Видео недоступно в вашей стране',
    kk: 'Бұл бейне сіздің еліңізде қолжетімсіз',
  },
  account_compromised: {
    en: 'Your account may have been compromised',
    ru: 'Возможно, ваш аккаунт взломали',
    kk: 'Аккаунтыңыз бұзылған болуы мүмкін',
  },
  checkpoint: {
    en: "Help us confirm it's you",
    ru: 'Помогите нам подтвердить, что это вы',
    kk: 'Бұл сіз екеніңізді растаңыз',
  },
  locked: {
    en: 'Your account has been locked',
    ru: 'Ваш аккаунт заблокирован',
    kk: 'Аккаунтыңыз бұғатталды',
  },
  security_alert: {
    en: 'We noticed a new login to your account',
    ru: 'Новый вход в ваш аккаунт',
    kk: 'Аккаунтыңызға жаңа кіру',
  },
  consent_wall: {
    en: 'Before you continue to YouTube',
    ru: 'Прежде чем перейти к YouTube',
    kk: 'YouTube-қа өтпес бұрын',
  },
  members_only: {
    en: 'Join this channel to get access to members-only content like this video',
    ru: 'Это видео доступно только для спонсоров канала',
    kk: 'Бұл бейне тек демеушілерге қолжетімді',
  },
  unavailable: {
    en: "Sorry, this page isn't available.",
    ru: 'К сожалению, эта страница недоступна.',
    kk: 'Кешіріңіз, бұл бет қолжетімсіз.',
  },
};

describe('notice classifier: every type in en, ru and kk', () => {
  const rows = NOTICE_TYPES.flatMap((type) =>
    (['en', 'ru', 'kk'] as const).map((lang) => [type, lang, TABLE[type][lang]] as const),
  );
  it.each(rows)('%s (%s): "%s"', (type, lang, message) => {
    const notice = classifyText(message);
    expect(notice).toMatchObject({ type, language: lang, message });
  });

  it('has phrases in all three languages for every type', () => {
    expect([...new Set(NOTICE_PHRASES.map((p) => p.type))].sort()).toEqual(
      [...NOTICE_TYPES].sort(),
    );
    for (const set of NOTICE_PHRASES) {
      expect([set.type, set.en.length > 0, set.ru.length > 0, set.kk.length > 0]).toEqual([
        set.type,
        true,
        true,
        true,
      ]);
    }
  });

  it('keeps the other UI languages seen in real pages (YouTube consent, Spanish)', () => {
    expect(classifyText('Antes de ir a YouTube')).toMatchObject({
      type: 'consent_wall',
      language: 'es',
    });
  });

  it('returns null for ordinary text', () => {
    expect(classifyText('Court hearing postponed to Monday.')).toBeNull();
    expect(classifyText('')).toBeNull();
  });
});

describe('notice classifier: specificity and countries', () => {
  it('prefers "your account is locked" over "account blocked" (suspended)', () => {
    expect(classifyText('Ваш аккаунт заблокирован')?.type).toBe('locked');
    expect(classifyText('Аккаунт заблокирован')?.type).toBe('suspended');
  });

  it('prefers private over login-required when both show', () => {
    expect(classifyText('This account is private. Log in to see photos.')?.type).toBe('private');
  });

  it('extracts withheld countries as ISO codes in en, ru and kk', () => {
    expect(classifyText(TABLE.withheld.en)?.countries).toEqual(['KZ', 'RU']);
    expect(classifyText(TABLE.withheld.ru)?.countries).toEqual(['KZ']);
    expect(classifyText(TABLE.withheld.kk)?.countries).toEqual(['KZ']);
    expect(countriesIn('withheld in: DE, FR')).toEqual(['DE', 'FR']);
    expect(countriesIn('в России и Германии')).toEqual(['RU', 'DE']);
    expect(countriesIn('Ресейде және Түркияда')).toEqual(['RU', 'TR']);
  });

  it('does not read a country out of an unrelated word', () => {
    expect(countriesIn('индивидуальный подход')).toEqual([]);
    expect(countriesIn('join us in the square.')).toEqual([]);
  });
});

describe('notice classifier: documents', () => {
  it('ignores phrases that only exist in scripts', () => {
    const doc = parseHtml(
      `<html><body><script>var t="Sorry, this page isn't available."</script><p>Hello</p></body></html>`,
    );
    expect(classifyDocument(doc)).toBeNull();
  });

  it('returns the notice line with its short explanation, not the whole page', () => {
    const doc = parseHtml(
      `<html><body><nav>${'menu '.repeat(100)}</nav><main><div><h2>This account is private</h2><p>Follow to see their photos.</p></div></main></body></html>`,
    );
    expect(classifyDocument(doc)?.message).toBe(
      'This account is private Follow to see their photos.',
    );
  });

  it('falls back to the title when the body shows nothing', () => {
    const doc = parseHtml(
      '<html><head><title>Account suspended</title></head><body></body></html>',
    );
    expect(classifyDocument(doc)).toMatchObject({
      type: 'suspended',
      message: 'Account suspended',
    });
  });
});

describe('language detection', () => {
  it.each([
    ['Аккаунтыңыз бұғатталды', 'kk'],
    ['Ваш аккаунт заблокирован', 'ru'],
    ['Your account has been locked', 'en'],
    ['12345', null],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
