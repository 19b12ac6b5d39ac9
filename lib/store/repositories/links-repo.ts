import { newId } from '../../model/ids';
import { linkSchema, type Link, type LinkCategory } from '../../model/link';
import type { StoreContext } from '../context';
import { CustodyRepo } from './custody-repo';
import { RecordNotFoundError } from '../record-not-found';

export interface LinkInput {
  captureId: string;
  personId: string | null;
  caseId: string | null;
  category: LinkCategory;
  note?: string;
}

/**
 * Tags between a capture and a person and/or case. The sealed capture is never touched: a tag
 * is its own record, and adding or removing one appends a custody event in the same transaction.
 */
export class LinksRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  /**
   * Adds a tag, unless the capture already has this very tag (same person, case and category):
   * then that one is answered and nothing is written, so a double click or a second save of the
   * same draft never makes duplicate tags.
   */
  async add(input: LinkInput): Promise<Link> {
    const link = linkSchema.parse({
      id: newId('link'),
      note: '',
      ...input,
      createdAt: this.ctx.now().toISOString(),
    });
    const { db } = this.ctx;
    return db.transaction(
      'rw',
      [db.links, ...db.custodyLog, db.captures, db.persons, db.cases],
      async (): Promise<Link> => {
        const same = (await db.links.where('captureId').equals(link.captureId).toArray()).find(
          (l) =>
            l.personId === link.personId &&
            l.caseId === link.caseId &&
            l.category === link.category,
        );
        if (same) return same;
        if (!(await db.captures.get(link.captureId)))
          throw new RecordNotFoundError(`no capture ${link.captureId}`);
        if (link.personId && !(await db.persons.get(link.personId)))
          throw new RecordNotFoundError(`no person ${link.personId}`);
        if (link.caseId && !(await db.cases.get(link.caseId)))
          throw new RecordNotFoundError(`no case ${link.caseId}`);
        await db.links.add(link);
        await this.custody.append({
          type: 'tagged',
          subject: { kind: 'capture', id: link.captureId },
          data: {
            linkId: link.id,
            personId: link.personId,
            caseId: link.caseId,
            category: link.category,
            note: link.note,
          },
        });
        return link;
      },
    );
  }

  async remove(id: string): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.links, ...db.custodyLog], async () => {
      const link = await db.links.get(id);
      if (!link) throw new RecordNotFoundError(`no link ${id}`);
      await db.links.delete(id);
      await this.custody.append({
        type: 'untagged',
        subject: { kind: 'capture', id: link.captureId },
        data: { linkId: id, personId: link.personId, caseId: link.caseId, category: link.category },
      });
    });
  }

  forCapture(captureId: string): Promise<Link[]> {
    return this.ctx.db.links.where('captureId').equals(captureId).toArray();
  }

  /** The tags of these captures (e.g. of one page of the list). */
  async forCaptures(captureIds: readonly string[]): Promise<Link[]> {
    // One equality lookup per id: `anyOf` scans a key range, which blind indices cannot serve.
    const { db } = this.ctx;
    const found = await db.transaction('r', db.links, () =>
      Promise.all(captureIds.map((id) => db.links.where('captureId').equals(id).toArray())),
    );
    return found.flat();
  }

  forPerson(personId: string): Promise<Link[]> {
    return this.ctx.db.links.where('personId').equals(personId).toArray();
  }

  forCase(caseId: string): Promise<Link[]> {
    return this.ctx.db.links.where('caseId').equals(caseId).toArray();
  }

  all(): Promise<Link[]> {
    return this.ctx.db.links.toArray();
  }
}
