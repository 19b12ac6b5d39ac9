import type { Language } from '../i18n/translator';
import type { LegalCase } from '../model/legal-case';
import type { Block, Inline } from './blocks';
import { captureAnchor } from './blocks';
import { bulletinFormat } from './format';
import type { BulletinEvidence, BulletinModel } from './model';
import { BULLETIN_STRINGS, fill, type BulletinStrings } from './strings';

type Fmt = ReturnType<typeof bulletinFormat>;

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function caseBlocks(c: LegalCase, s: BulletinStrings, fmt: Fmt): Block[] {
  const facts = [
    c.article && `${s.article}: ${c.article}`,
    c.caseNumber && `${s.caseNumber} ${c.caseNumber}`,
    c.jurisdiction && `${s.jurisdiction}: ${c.jurisdiction}`,
    `${s.statusLabel}: ${s.status[c.status]}`,
  ].filter(Boolean);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [{ text: `${s.caseLine}: ${c.title}`, strong: true }, ` — ${facts.join('; ')}`],
    },
  ];
  const dates = [...c.dates].sort((a, b) => a.date.localeCompare(b.date));
  if (dates.length)
    blocks.push(
      { type: 'paragraph', content: [{ text: s.keyDates, strong: true }] },
      {
        type: 'list',
        ordered: false,
        items: dates.map((d) => [`${fmt.day(d.date)} — ${d.label}`]),
      },
    );
  if (c.officials.length)
    blocks.push(
      { type: 'paragraph', content: [{ text: s.officials, strong: true }] },
      {
        type: 'list',
        ordered: false,
        items: c.officials.map((o) => [
          [o.name, s.role[o.role], o.position].filter(Boolean).join(' — '),
        ]),
      },
    );
  if (c.notes.trim())
    blocks.push({
      type: 'paragraph',
      content: [{ text: `${s.notes}:`, strong: true }, ` ${c.notes}`],
    });
  return blocks;
}

function evidenceItem(e: BulletinEvidence, s: BulletinStrings, fmt: Fmt, withCategory: boolean) {
  const what = [s.platform[e.platform], s.kind[e.kind]].join(', ');
  const parts: Inline[] = [what];
  if (e.author) parts.push(` — ${e.author}`);
  if (e.accountState) parts.push(` (${s.stateLabel}: ${s.state[e.accountState]})`);
  if (e.publishedAt) parts.push(` (${s.published} ${fmt.day(e.publishedAt)})`);
  if (e.excerpt) parts.push(`: ${s.quoteOpen}${e.excerpt}${s.quoteClose}`);
  if (withCategory) parts.push(` [${s.category[e.category]}]`);
  if (e.note.trim()) parts.push(`. ${e.note.trim()}`);
  parts.push(` — ${s.capture} `, { text: e.id, href: `#${captureAnchor(e.id)}` }, `, ${s.hash} `, {
    text: e.shortHash,
    code: true,
  });
  return parts;
}

/** Lays the bulletin out as blocks in the chosen language. */
export function layoutBulletin(model: BulletinModel, language: Language): Block[] {
  const s = BULLETIN_STRINGS[language];
  const fmt = bulletinFormat(language);
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
    for (const c of entry.cases) blocks.push(...caseBlocks(c, s, fmt));
    if (entry.grounds.length)
      blocks.push(
        { type: 'heading', level: 3, text: s.grounds },
        {
          type: 'list',
          ordered: true,
          items: entry.grounds.map((e) => evidenceItem(e, s, fmt, false)),
        },
      );
    if (entry.other.length)
      blocks.push(
        { type: 'heading', level: 3, text: s.otherEvidence },
        {
          type: 'list',
          ordered: false,
          items: entry.other.map((e) => evidenceItem(e, s, fmt, true)),
        },
      );
  }
  if (model.evidence.length) blocks.push({ type: 'heading', level: 2, text: s.evidenceHeading });
  for (const e of model.evidence)
    blocks.push(
      { type: 'heading', level: 3, text: e.id, anchor: captureAnchor(e.id) },
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
  return blocks;
}
