import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { parseZonedDateTime } from '../../../lib/platforms/dates';
import { extractDocument } from '../../../lib/platforms/registry';
import { eventTypeOf, securityEventFrom } from '../../../lib/platforms/security-mail';
import { expectationSuites } from './expectations';

expectationSuites('webmail', { describe, it, expect });

describe('webmail: security e-mail wording', () => {
  it.each([
    ['We noticed a new login to your account', 'new_login'],
    ['Новый вход в Instagram', 'new_login'],
    ['Instagram аккаунтыңызға жаңа кіру', 'new_login'],
    ['Your Facebook password was changed', 'password_changed'],
    ['Ваш пароль был изменен', 'password_changed'],
    ['Құпиясөзіңіз өзгертілді', 'password_changed'],
    ['Your email address was changed', 'email_changed'],
    ['Адрес электронной почты изменен', 'email_changed'],
    ['Электрондық пошта мекенжайы өзгертілді', 'email_changed'],
    ['Your phone number was changed', 'phone_changed'],
    ['Номер телефона был изменен', 'phone_changed'],
    ['Телефон нөмірі өзгертілді', 'phone_changed'],
    ['Your account has been disabled', 'account_disabled'],
    ['Ваш аккаунт отключен', 'account_disabled'],
    ['Аккаунтыңыз өшірілді', 'account_disabled'],
    ['Two-factor authentication was turned off', 'two_factor_changed'],
  ])('"%s" is %s', (text, event) => expect(eventTypeOf(text)).toBe(event));

  it('reads label cells and value cells on separate lines', () => {
    const event = securityEventFrom(
      'New login',
      'Device\nPixel 8\nLocation\nAstana, Kazakhstan\nIP address\n192.0.2.9',
    );
    expect(event).toMatchObject({
      device: 'Pixel 8',
      place: 'Astana, Kazakhstan',
      ip: '192.0.2.9',
    });
  });

  it('does not claim an instant when the mail gives no year or zone', () => {
    const event = securityEventFrom('New login', 'Time: October 5 at 10:20 AM');
    expect(event?.at).toBeNull();
    expect(event?.timeText).toBe('October 5 at 10:20 AM');
  });

  it('is not a security alert when the wording is not one', () => {
    const doc = parseHtml(
      '<html><body><h2 class="hP">Lunch on Friday?</h2><div class="a3s">See you.</div></body></html>',
    );
    const record = extractDocument(doc, new URL('https://mail.google.com/mail/u/0/#inbox/x'));
    expect(record.kind).toBe('page');
    expect(record.notice ?? null).toBeNull();
    expect(record.security).toEqual([]);
  });
});

describe('webmail: zoned date-times', () => {
  it.each([
    ['October 5, 2026 at 10:20 AM (UTC)', '2026-10-05T10:20:00Z'],
    ['October 4, 2026 at 10:05 PM (UTC+05:00)', '2026-10-04T17:05:00Z'],
    ['5 октября 2026 г. в 13:20 (GMT+3)', '2026-10-05T10:20:00Z'],
    ['2026 ж. 5 қазан, 16:20 (GMT+5)', '2026-10-05T11:20:00Z'],
    ['2026-10-05 10:20 +0500', '2026-10-05T05:20:00Z'],
    ['October 5, 2026 at 10:20 AM', null],
    ['5 октября в 13:20 (GMT+3)', null],
  ])('%s → %s', (text, iso) => expect(parseZonedDateTime(text)).toBe(iso));
});
