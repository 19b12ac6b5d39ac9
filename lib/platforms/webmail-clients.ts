/**
 * Where each webmail client shows the open message. Selectors (last seen on): hand-made fixtures
 * modelled on each client's message view (tests/fixtures/handmade/webmail, 2026-11); the classic
 * class names (Gmail `h2.hP`, `span.gD[email]`, `span.g3[title]`, `div.a3s`) have been stable for
 * years, the others change more often, so every client also falls back to generic headings.
 */
export interface WebmailClient {
  name: 'gmail' | 'outlook' | 'mailru' | 'yandex';
  host: RegExp;
  subject: string;
  sender: string;
  /** Attribute of the sender element holding the address, if any. */
  senderAddressAttr: string;
  date: string;
  /** Attribute of the date element holding the full date, if any. */
  dateAttr: string;
  body: string;
}

export const WEBMAIL_CLIENTS: readonly WebmailClient[] = [
  {
    name: 'gmail',
    host: /^mail\.google\.com$/i,
    subject: 'h2.hP, h2[data-thread-perm-id], [role="main"] h2',
    sender: 'span.gD[email], [email]',
    senderAddressAttr: 'email',
    date: 'span.g3[title], span.g3',
    dateAttr: 'title',
    body: 'div.a3s, [role="listitem"] [dir="ltr"]',
  },
  {
    name: 'outlook',
    host: /^outlook\.(live|office|office365)\.com$/i,
    subject:
      '[role="main"] [role="heading"][aria-level="2"], [data-testid="subject"], [role="heading"]',
    sender: '[data-testid="SenderPersona"], [aria-label^="From"], span[title*="@"]',
    senderAddressAttr: 'title',
    date: '[data-testid="SentReceivedSavedTime"], [aria-label^="Sent"]',
    dateAttr: 'title',
    body: '[aria-label="Message body"], [aria-label="Текст сообщения"], div[role="document"]',
  },
  {
    name: 'mailru',
    host: /^(e\.)?mail\.ru$|^octavius\.mail\.ru$/i,
    subject: '.thread-subject, h2.thread__subject, [class*="thread-subject"]',
    sender: '.letter-contact[title], .letter__author [title], [class*="letter-contact"]',
    senderAddressAttr: 'title',
    date: '.letter__date, [class*="letter__date"]',
    dateAttr: 'title',
    body: '.letter-body, .letter__body, [class*="letter-body"]',
  },
  {
    name: 'yandex',
    host: /^mail\.yandex\.(ru|kz|com|by|uz)$/i,
    subject: '.mail-Message-Toolbar-Subject, [class*="MessageSubject"], [class*="Subject"]',
    sender: '.mail-Message-Sender-Email, [class*="Sender-Email"], [class*="SenderEmail"]',
    senderAddressAttr: 'title',
    date: '.mail-Message-Date, [class*="Message-Date"], [class*="MessageDate"]',
    dateAttr: 'title',
    body: '.mail-Message-Body-Content, [class*="MessageBody"], [class*="Body-Content"]',
  },
];

export function webmailClientFor(url: URL): WebmailClient | null {
  return WEBMAIL_CLIENTS.find((c) => c.host.test(url.hostname)) ?? null;
}
