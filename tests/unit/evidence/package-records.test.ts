// The verifier's shapes (no zod, so verify.html stays readable) must accept and refuse exactly
// what the store's zod schemas do, for the records they both judge: custody events and links.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../../lib/evidence/custody';
import { custodyEventShape, linkShape } from '../../../lib/evidence/package-records';
import { parseShape } from '../../../lib/evidence/shape';
import {
  CHECK_MESSAGES_EN,
  type CheckCode,
  type CheckMessages,
} from '../../../lib/evidence/verify-messages';
import { checkText } from '../../../lib/evidence/verify-report';
import { custodyEventSchema, CUSTODY_EVENT_TYPES } from '../../../lib/model/custody';
import { LINK_CATEGORIES, linkSchema } from '../../../lib/model/link';
import { demoPackage, verifyBytes } from './package-fixture';

const eventArb = fc.record({
  at: fc.integer({ min: 1.6e12, max: 2e12 }).map((t) => new Date(t).toISOString()),
  actor: fc.string(),
  type: fc.constantFrom(...CUSTODY_EVENT_TYPES),
  subject: fc.record({
    kind: fc.constantFrom('capture', 'person', 'case', 'link', 'key', 'package', 'store' as const),
    id: fc.string(),
  }),
  data: fc.dictionary(
    fc.string(),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
  ),
});

/** One change that may or may not break an object: a field dropped, retyped or added. */
const mutationArb = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), key: fc.string() }),
  fc.record({
    op: fc.constant('set' as const),
    key: fc.string(),
    value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.constant({})),
  }),
);

interface Mutation {
  op: 'drop' | 'set';
  key: string;
  value?: unknown;
}

function mutate(value: Record<string, unknown>, m: Mutation) {
  const copy: Record<string, unknown> = { ...value };
  const keys = Object.keys(copy);
  const key = keys.includes(m.key) ? m.key : (keys[m.key.length % keys.length] ?? m.key);
  if (m.op === 'drop') delete copy[key];
  else copy[m.key.length % 2 ? key : m.key] = m.value;
  return copy;
}

const agree = (
  shape: Parameters<typeof parseShape>[0],
  schema: { safeParse(v: unknown): { success: boolean } },
  value: unknown,
  rule: (v: Record<string, unknown>) => boolean = () => true,
) =>
  expect(
    parseShape(shape, value).ok && rule(value as Record<string, unknown>),
    JSON.stringify(value),
  ).toBe(schema.safeParse(value).success);

/** The rule verifyRecords adds to the link's shape (the schema's refinement): a person or a case. */
const personOrCase = (link: Record<string, unknown>) =>
  !(link.personId === null && link.caseId === null);

describe('verifier shapes agree with the store schemas', () => {
  it('custody events, as written and after any one change', async () => {
    await fc.assert(
      fc.asyncProperty(eventArb, mutationArb, async (draft, m) => {
        const event = await appendEvent(draft, null);
        agree(custodyEventShape, custodyEventSchema, event);
        agree(custodyEventShape, custodyEventSchema, mutate(event, m));
      }),
      { numRuns: 300 },
    );
  });

  it('links, as written and after any one change', () => {
    const linkArb = fc.record({
      id: fc.string(),
      captureId: fc.string(),
      personId: fc.option(fc.string(), { nil: null }),
      caseId: fc.option(fc.string(), { nil: null }),
      category: fc.constantFrom(...LINK_CATEGORIES),
      note: fc.string(),
      createdAt: fc.integer({ min: 1.6e12, max: 2e12 }).map((t) => new Date(t).toISOString()),
    });
    fc.assert(
      fc.property(linkArb, mutationArb, (link, m) => {
        agree(linkShape, linkSchema, link, personOrCase);
        agree(linkShape, linkSchema, mutate(link, m), personOrCase);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a link that names neither a person nor a case', () => {
  it('is refused by the verifier, as by the store', () => {
    const link = {
      id: 'l1',
      captureId: 'c1',
      personId: null,
      caseId: null,
      category: LINK_CATEGORIES[0],
      note: '',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(linkSchema.safeParse(link).success).toBe(false);
    const parsed = parseShape(linkShape, link);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((i) => i.code)).toEqual(['shape_value']);
    expect(parseShape(linkShape, { ...link, caseId: 'k1' }).ok).toBe(true);
  });
});

describe('check messages: one table per language', () => {
  it('every check of a real report renders from another table with the same codes and parameters', async () => {
    const { zip } = await demoPackage();
    const report = await verifyBytes(zip);
    const codes = Object.fromEntries(
      (Object.keys(CHECK_MESSAGES_EN) as CheckCode[]).map((c) => [
        c,
        (p: unknown) => `«${c} ${JSON.stringify(p)}»`,
      ]),
    ) as unknown as CheckMessages;
    for (const c of [...report.passed, ...report.notes])
      expect(checkText(c, codes)).toBe(`«${c.code} ${JSON.stringify(c.params)}»`);
    // And in English, the message a check carries is the table's rendering.
    for (const c of report.passed) expect(checkText(c)).toBe(c.message);
  });
});
