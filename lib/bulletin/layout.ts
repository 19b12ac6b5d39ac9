import type { Language } from '../i18n/translator';
import type { LegalCase } from '../model/legal-case';
import type { AccountEvent } from './account-changes';
import { articleWithWording } from './articles';
import type { Block, Inline } from './blocks';
import { evidenceAnchor } from './blocks';
import { bulletinFormat } from './format';
import type { BulletinEvidence, BulletinGround, BulletinModel, BulletinPersonEntry } from './model';
import { BULLETIN_STRINGS, count, fill, type BulletinStrings } from './strings';

type Fmt = ReturnType<typeof bulletinFormat>;

interface Ctx {
  s: BulletinStrings;
  fmt: Fmt;
  language: Language;
  q: (text: string) => string;
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
/** A long quotation cut at a word boundary. */
const cut = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const part = flat.slice(0, max);
  return `${part.slice(0, Math.max(part.lastIndexOf(' '), max / 2)).trimEnd()}…`;
};

/** A citation of the evidence: "[3]", linked to the list at the end. */
const refTo = (ref: number, s: BulletinStrings): Inline => ({
  text: fill(s.ref, String(ref)),
  href: `#${evidenceAnchor(ref)}`,
});

function articlesOf(cases: readonly LegalCase[], c: Ctx): string {
  return cases
    .map((lc) => articleWithWording(lc.article, c.language, c.q))
    .filter(Boolean)
    .join(c.s.and);
}

/** The person's lead sentence: what they are prosecuted for, or what happened to them. */
function lead(entry: BulletinPersonEntry, name: string, c: Ctx): string {
  const { s } = c;
  const stage = [...new Set(entry.cases.map((lc) => s.stage[lc.status]))].join('; ');
  if (entry.cases.length) {
    const articles = articlesOf(entry.cases, c);
    return articles
      ? fill(s.leadCase, name, articles, stage)
      : fill(s.leadCaseTitle, name, entry.cases.map((lc) => lc.title).join(s.and), stage);
  }
  const events = entry.accountEvents.map((e) => e.event);
  const hacked = events.find((e) => e.kind === 'security' || e.kind === 'hack_evidence');
  if (hacked) return fill(s.leadHacked, name, s.platform[hacked.platform]);
  const first = events[0];
  if (first)
    return fill(s.leadAccount, name, s.platform[first.platform], first.account ?? s.theAccount);
  return fill(s.leadEvidence, name, count(c.language, s.captures, entry.captureCount));
}

function caseBlocks(lc: LegalCase, c: Ctx): Block[] {
  const { s, fmt } = c;
  const facts = [
    lc.article && `${s.article}: ${articleWithWording(lc.article, c.language, c.q)}`,
    lc.caseNumber && `${s.caseNumber} ${lc.caseNumber}`,
    lc.jurisdiction && `${s.jurisdiction}: ${lc.jurisdiction}`,
    `${s.statusLabel}: ${s.status[lc.status]}`,
  ].filter(Boolean);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [{ text: `${s.caseLine}: ${lc.title}`, strong: true }, ` — ${facts.join('; ')}`],
    },
  ];
  const dates = [...lc.dates].sort((a, b) => a.date.localeCompare(b.date));
  if (dates.length)
    blocks.push(
      { type: 'paragraph', content: [{ text: s.keyDates, strong: true }] },
      {
        type: 'list',
        ordered: false,
        items: dates.map((d) => [`${fmt.day(d.date)} — ${d.label}`]),
      },
    );
  if (lc.officials.length)
    blocks.push(
      { type: 'paragraph', content: [{ text: s.officials, strong: true }] },
      {
        type: 'list',
        ordered: false,
        items: lc.officials.map((o) => [
          [o.name, s.role[o.role], o.position].filter(Boolean).join(' — '),
        ]),
      },
    );
  if (lc.notes.trim())
    blocks.push({
      type: 'paragraph',
      content: [{ text: `${s.notes}:`, strong: true }, ` ${lc.notes}`],
    });
  return blocks;
}

/** "Instagram post", "Публикация в Facebook": a web page or an e-mail is its kind alone. */
const what = (e: BulletinEvidence, s: BulletinStrings) =>
  capitalize(
    e.platform === 'generic' || e.platform === 'webmail'
      ? s.kind[e.kind]
      : fill(s.captureWhat, s.kind[e.kind], s.platform[e.platform]),
  ) + (e.author ? (e.kind === 'post' ? fill(s.by, e.author) : ` — ${e.author}`) : '');

/** "Instagram post by @aigerim.k (published 8 March 2021): “…”. Note [2]" */
function evidenceItem(e: BulletinEvidence, c: Ctx, withCategory: boolean): Inline[] {
  const { s, fmt } = c;
  const parts: Inline[] = [what(e, s)];
  if (e.accountState) parts.push(` (${s.stateLabel}: ${s.state[e.accountState]})`);
  if (e.publishedAt) parts.push(` (${s.published} ${fmt.day(e.publishedAt)})`);
  if (e.excerpt) parts.push(`: ${c.q(e.excerpt)}`);
  if (withCategory) parts.push(` — ${s.category[e.category]}`);
  if (e.note.trim()) parts.push(`. ${e.note.trim()}`);
  parts.push(' ', refTo(e.ref, s));
  return parts;
}

function groundItem(g: BulletinGround, entry: BulletinPersonEntry, c: Ctx): Inline[] {
  if (g.kind === 'captured') return evidenceItem(g.evidence, c, false);
  const { s, fmt } = c;
  const { ground } = g;
  const text = ground.source.trim()
    ? fill(s.recorded, ground.text.trim(), ground.source.trim())
    : fill(s.recordedNoSource, ground.text.trim());
  const when = ground.date ? `${fmt.day(ground.date)}: ` : '';
  const other = entry.cases.length > 1 ? ` — ${fill(s.inCase, g.caseTitle)}` : '';
  return [`${when}${text}${other}`];
}

function eventItem(e: AccountEvent, ref: number, c: Ctx): Inline[] {
  const { s, fmt } = c;
  const day = fmt.day(e.at);
  const platform = s.platform[e.platform];
  const account = e.account ?? s.theAccount;
  let text: string;
  switch (e.kind) {
    case 'state':
      text = e.before
        ? fill(s.changeState, day, platform, account, s.state[e.after], s.state[e.before])
        : fill(s.changeStateFirst, day, platform, account, s.state[e.after]);
      break;
    case 'name':
    case 'handle':
      text = fill(
        e.kind === 'name' ? s.changeName : s.changeHandle,
        day,
        platform,
        account,
        e.before ?? '—',
        e.after ?? '—',
      );
      break;
    case 'bio':
      text = fill(s.changeBio, day, platform, account, cut(e.after ?? ''));
      break;
    case 'avatar':
      text = fill(s.changeAvatar, day, platform, account);
      break;
    case 'posts_gone':
      text = fill(s.changePostsGone, day, count(c.language, s.posts, e.count), platform, account);
      break;
    case 'security':
      text = fill(s.changeSecurity, day, platform, cut(e.message ?? ''), s.security[e.notice]);
      break;
    case 'hack_evidence':
      text = fill(s.changeHackEvidence, day, platform, account);
      break;
  }
  return [text, ' ', refTo(ref, s)];
}

/** Lays the bulletin out as blocks in the chosen language. */
export function layoutBulletin(model: BulletinModel, language: Language): Block[] {
  const s = BULLETIN_STRINGS[language];
  const fmt = bulletinFormat(language);
  const c: Ctx = { s, fmt, language, q: (text) => `${s.quoteOpen}${text}${s.quoteClose}` };
  const scope =
    model.scope.kind === 'case'
      ? fill(s.caseScope, model.caseTitle ?? '')
      : fill(s.period, fmt.day(model.scope.from), fmt.day(model.scope.to));
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `${s.title}: ${scope}` },
    { type: 'paragraph', content: [fill(s.generated, fmt.time(model.generatedAt))] },
  ];
  if (model.entries.length === 0) blocks.push({ type: 'paragraph', content: [s.empty] });
  for (const entry of model.entries) {
    const name = entry.person
      ? [
          entry.person.name,
          ...(entry.person.aliases.length ? [`(${entry.person.aliases.join(', ')})`] : []),
        ].join(' ')
      : s.unattributed;
    blocks.push({ type: 'heading', level: 2, text: name });
    if (entry.person)
      blocks.push({ type: 'paragraph', content: [lead(entry, entry.person.name, c)], lead: true });
    for (const lc of entry.cases) blocks.push(...caseBlocks(lc, c));
    if (entry.grounds.length)
      blocks.push(
        { type: 'heading', level: 3, text: s.grounds },
        {
          type: 'list',
          ordered: true,
          items: entry.grounds.map((g) => groundItem(g, entry, c)),
        },
      );
    if (entry.accountEvents.length)
      blocks.push(
        { type: 'heading', level: 3, text: s.accountHeading },
        {
          type: 'list',
          ordered: false,
          items: entry.accountEvents.map(({ event, ref }) => eventItem(event, ref, c)),
        },
      );
    if (entry.other.length)
      blocks.push(
        { type: 'heading', level: 3, text: s.otherEvidence },
        {
          type: 'list',
          ordered: false,
          items: entry.other.map((e) => evidenceItem(e, c, true)),
        },
      );
  }
  if (model.evidence.length) blocks.push({ type: 'heading', level: 2, text: s.evidenceHeading });
  for (const e of model.evidence) {
    blocks.push(
      {
        type: 'heading',
        level: 3,
        text: `${fill(s.ref, String(e.ref))} ${what(e, s)}`,
        anchor: evidenceAnchor(e.ref),
      },
      {
        type: 'list',
        ordered: false,
        items: [
          [`${s.address}: `, { text: e.url, href: e.url }],
          [`${capitalize(s.captured)}: ${fmt.time(e.sealedAt)}`],
          [`${s.seal}: `, { text: e.seal, code: true }],
        ],
      },
    );
  }
  return blocks;
}
