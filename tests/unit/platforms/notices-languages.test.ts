import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { MORE_PHRASES } from '../../../lib/platforms/notice-phrases-more';
import { classifyDocument, classifyText } from '../../../lib/platforms/notices';
import { extractDocument } from '../../../lib/platforms/registry';

/**
 * Notices in the other languages monitors meet, as whole messages the way YouTube, Facebook,
 * Instagram and X word them (removal, suspension, withholding, age, checkpoint …): each must get
 * its type and its own language — Ukrainian and Kyrgyz are not Russian or Kazakh, Uzbek and
 * Turkish are not English.
 */
const MESSAGES: Array<[string, string, string]> = [
  // [language, message, type]
  ['uk', 'На жаль, ця сторінка недоступна. Можливо, посилання недійсне.', 'not_found'],
  ['uk', 'Обліковий запис призупинено', 'suspended'],
  ['uk', 'Увійдіть, щоб підтвердити свій вік', 'age_restricted'],
  ['uk', 'Це відео видалено', 'removed'],
  ['uk', 'Підтвердьте свою особу', 'checkpoint'],
  ['uz', 'Kechirasiz, bu sahifa mavjud emas.', 'not_found'],
  ['uz', 'Akkauntingiz o‘chirildi', 'suspended'],
  ['uz', 'Yoshingizni tasdiqlang', 'age_restricted'],
  ['uz', "Bu video o'chirildi", 'removed'],
  ['uz', 'Ushbu post qonuniy talabga javoban Oʻzbekistonda cheklangan.', 'withheld'],
  ['ky', 'Кечиресиз, бул барак жеткиликсиз.', 'not_found'],
  ['ky', 'Аккаунтуңуз өчүрүлдү', 'suspended'],
  ['ky', 'Жашыңызды ырастаңыз', 'age_restricted'],
  ['ky', 'Бул видео өчүрүлдү', 'removed'],
  ['tr', 'Üzgünüz, bu sayfaya ulaşılamıyor.', 'not_found'],
  ['tr', 'Hesap askıya alındı', 'suspended'],
  ['tr', 'Yaşınızı onaylamak için oturum açın', 'age_restricted'],
  ['tr', 'Bu gönderi yasal bir talebe yanıt olarak Türkiye ülkesinde alıkonuldu.', 'withheld'],
  ['tr', 'Kimliğinizi doğrulayın', 'checkpoint'],
  ['es', 'Lo sentimos, esta página no está disponible.', 'not_found'],
  ['es', 'Cuenta suspendida', 'suspended'],
  ['es', 'Inicia sesión para confirmar tu edad', 'age_restricted'],
  ['es', 'Este vídeo se ha eliminado por infringir las normas.', 'removed'],
  [
    'es',
    'Este contenido no está disponible en tu país debido a una restricción legal.',
    'withheld',
  ],
  ['de', 'Diese Seite ist leider nicht verfügbar.', 'not_found'],
  ['de', 'Account gesperrt', 'suspended'],
  ['de', 'Melde dich an, um dein Alter zu bestätigen', 'age_restricted'],
  [
    'de',
    'Dieser Post wurde in Deutschland als Reaktion auf eine rechtliche Forderung zurückgehalten.',
    'withheld',
  ],
  ['de', 'Bestätige deine Identität', 'checkpoint'],
  ['fr', "Désolé, cette page n'est pas disponible.", 'not_found'],
  ['fr', 'Compte suspendu', 'suspended'],
  ['fr', 'Connectez-vous pour confirmer votre âge', 'age_restricted'],
  ['fr', 'Cette vidéo a été supprimée', 'removed'],
  ['fr', 'Nous avons remarqué une activité inhabituelle sur votre compte', 'checkpoint'],
  ['ar', 'عذرًا، هذه الصفحة غير متاحة.', 'not_found'],
  ['ar', 'تم تعليق الحساب', 'suspended'],
  ['ar', 'سجّل الدخول لتأكيد عمرك', 'age_restricted'],
  ['ar', 'تمت إزالة هذا الفيديو', 'removed'],
  ['vi', 'Rất tiếc, trang này hiện không khả dụng.', 'not_found'],
  ['vi', 'Tài khoản bị tạm ngưng', 'suspended'],
  ['vi', 'Đăng nhập để xác nhận tuổi của bạn', 'age_restricted'],
  ['vi', 'Video này đã bị xóa', 'removed'],
  ['vi', 'Xác nhận danh tính của bạn', 'checkpoint'],
];

describe('notices in uk, uz, ky, tr, es, de, fr, ar, vi', () => {
  for (const [language, message, type] of MESSAGES) {
    it(`${language}: "${message}" → ${type}`, () => {
      expect(classifyText(message)).toMatchObject({ type, language });
    });
  }

  it('covers removal, suspension, withholding, age and checkpoint notices in every language', () => {
    for (const type of [
      'removed',
      'suspended',
      'withheld',
      'age_restricted',
      'checkpoint',
    ] as const) {
      expect(Object.keys(MORE_PHRASES[type] ?? {}).sort(), type).toEqual([
        'ar',
        'de',
        'es',
        'fr',
        'ky',
        'tr',
        'uk',
        'uz',
        'vi',
      ]);
    }
  });

  it('finds the notice on a page in another language and keeps its language (X, Turkish)', () => {
    const page = parseHtml(
      '<html lang="tr"><body><main><div data-testid="emptyState"><div>Hesap askıya alındı</div><div>X, X Kurallarını ihlal eden hesapları askıya alır.</div></div></main></body></html>',
    );
    const record = extractDocument(page, new URL('https://x.com/aigerim_example'));
    expect(record.kind).toBe('notice');
    expect(record.notice).toMatchObject({ type: 'suspended', language: 'tr' });
    expect(classifyDocument(page)?.message).toMatch(/^Hesap askıya alındı/);
  });
});
