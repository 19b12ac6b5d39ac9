import { emptyPost, RecordBuilder } from './builder';
import { cleanMultiline, cleanText, titleOf, visibleText } from './dom';
import type { Extractor } from './extractor';
import { detectLanguage } from './notices';
import type { ExtractedRecord } from './record';
import { securityEventFrom } from './security-mail';
import { capText } from './text';
import { webmailClientFor, type WebmailClient } from './webmail-clients';

/**
 * Platform security e-mails viewed in webmail (Gmail, Outlook, Mail.ru, Yandex): the core evidence
 * of a hacked account. The open message becomes a `security_alert` notice (the subject, in the
 * platform's words) and one security event with device, place, IP and time where the mail gives
 * them; the message itself is kept as a post (sender, date, body).
 */
const INFO = { name: 'webmail', version: '1.0.0' };
const BODY_MAX = 20_000;
const GENERIC: Omit<WebmailClient, 'name' | 'host'> = {
  subject: '[role="main"] h1, [role="main"] h2, h1, h2',
  sender: '[email], [title*="@"]',
  senderAddressAttr: 'email',
  date: 'time[datetime], [title*=":"]',
  dateAttr: 'title',
  body: '[role="main"], main, body',
};

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('webmail', INFO, url);
  const client = webmailClientFor(url) ?? GENERIC;
  const subject = b.pick('title', [
    ['dom', () => cleanText(doc.querySelector(client.subject)?.textContent)],
    // Gmail's tab title is "Subject - me@example.com - Gmail".
    ['dom', () => titleOf(doc)?.replace(/\s+-\s+[^\s]+@[^\s]+\s+-\s+\w+\s*$/, '')],
  ]);
  const senderEl = doc.querySelector(client.sender);
  const post = emptyPost();
  post.author.name = b.pick('post.author.name', [
    ['dom', () => cleanText(senderEl?.getAttribute('name') ?? senderEl?.textContent)],
  ]);
  post.author.handle = b.pick(
    'post.author.handle',
    [
      ['dom', () => senderEl?.getAttribute(client.senderAddressAttr)],
      ['dom', () => /[\w.+-]+@[\w-]+\.[\w.-]+/.exec(senderEl?.textContent ?? '')?.[0]],
    ],
    true,
  );
  const dateEl = doc.querySelector(client.date);
  post.publishedText = b.pick('post.publishedText', [
    ['dom', () => cleanText(dateEl?.getAttribute(client.dateAttr))],
    ['dom', () => cleanText(dateEl?.textContent)],
  ]);
  const bodyText = cleanMultiline(visibleText(doc.querySelector(client.body) ?? doc.body)) ?? '';
  if (bodyText) {
    const capped = capText(bodyText, BODY_MAX);
    post.text = capped.text;
    b.note('post.text', 'dom');
    if (capped.truncated) b.warn(`post.text: cut at ${BODY_MAX} characters`);
  } else b.warn('post.text: message body not found');

  const event = securityEventFrom(subject ?? '', bodyText);
  if (event) {
    b.note('security', 'dom');
    b.note('notice', 'dom');
    for (const field of ['device', 'place', 'ip'] as const) {
      if (!event[field]) b.warn(`security.0.${field}: not in the message`);
    }
    if (!event.at)
      b.warn(
        event.timeText
          ? 'security.0.at: the message gives no time zone; timeText keeps its words'
          : 'security.0.at: not in the message',
      );
  } else
    b.warn('security: not a recognised security e-mail (no new-login / change / disabled wording)');
  const message = subject ?? bodyText.split('\n')[0] ?? '';
  return b.finish({
    kind: event ? 'notice' : 'page',
    canonicalUrl: null,
    title: subject,
    post,
    security: event ? [event] : [],
    notice:
      event && message
        ? {
            type: 'security_alert',
            message,
            language: detectLanguage(`${message} ${bodyText.slice(0, 500)}`),
          }
        : null,
  });
}

export const webmailExtractor: Extractor = {
  platform: 'webmail',
  version: INFO.version,
  matches: (url) => webmailClientFor(url) !== null,
  extract,
};
