import { newId } from '../../model/ids';
import {
  legalCaseInputSchema,
  legalCaseSchema,
  type LegalCase,
  type LegalCaseInput,
} from '../../model/legal-case';
import type { StoreContext } from '../context';
import { CustodyRepo } from './custody-repo';
import { RecordNotFoundError } from '../record-not-found';

/** A case stored before recorded grounds existed reads as one with none. */
const withDefaults = (row: LegalCase): LegalCase => ({ ...row, grounds: row.grounds ?? [] });

export class CasesRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  async create(input: LegalCaseInput): Promise<LegalCase> {
    const parsed = legalCaseInputSchema.parse(input);
    const at = this.ctx.now().toISOString();
    const legalCase = legalCaseSchema.parse({
      id: newId('case'),
      ...parsed,
      createdAt: at,
      updatedAt: at,
    });
    const { db } = this.ctx;
    await db.transaction('rw', [db.cases, ...db.custodyLog], async () => {
      await db.cases.add(legalCase);
      await this.custody.append({
        type: 'case_created',
        subject: { kind: 'case', id: legalCase.id },
        data: {
          title: legalCase.title,
          article: legalCase.article,
          caseNumber: legalCase.caseNumber,
        },
      });
    });
    return legalCase;
  }

  async update(id: string, patch: Partial<LegalCaseInput>): Promise<LegalCase> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.cases, ...db.custodyLog], async () => {
      const row = await db.cases.get(id);
      if (!row) throw new RecordNotFoundError(`no case with id ${id}`);
      const { id: _id, createdAt, updatedAt: _u, ...editable } = row;
      const merged = legalCaseInputSchema.parse({ ...editable, ...patch });
      const legalCase = legalCaseSchema.parse({
        id,
        ...merged,
        createdAt,
        updatedAt: this.ctx.now().toISOString(),
      });
      await db.cases.put(legalCase);
      await this.custody.append({
        type: 'case_updated',
        subject: { kind: 'case', id },
        data: { fields: Object.keys(patch).sort() },
      });
      return legalCase;
    });
  }

  async get(id: string): Promise<LegalCase | undefined> {
    const row = await this.ctx.db.cases.get(id);
    return row && withDefaults(row);
  }

  async list(): Promise<LegalCase[]> {
    // Sorted here, not by the index: under the lock the index holds blind values.
    const rows = await this.ctx.db.cases.toArray();
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map(withDefaults);
  }
}
