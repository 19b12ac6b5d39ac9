import { newId } from '../../model/ids';
import {
  personInputSchema,
  personAccountKeys,
  personSchema,
  type Person,
  type PersonAccount,
  type PersonInput,
} from '../../model/person';
import type { StoreContext } from '../context';
import type { PersonRow } from '../rows';
import { CustodyRepo } from './custody-repo';
import { RecordNotFoundError } from '../record-not-found';

/** Lookup keys for an account: by handle (case-insensitive) and by stable platform id. */
export const accountKeys = (accounts: readonly PersonAccount[]): string[] =>
  personAccountKeys(accounts);

function toPerson({ accountKeys: _keys, ...person }: PersonRow): Person {
  return person;
}

export class PersonsRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  async create(input: PersonInput): Promise<Person> {
    const parsed = personInputSchema.parse(input);
    const at = this.ctx.now().toISOString();
    const person = personSchema.parse({
      id: newId('per'),
      ...parsed,
      createdAt: at,
      updatedAt: at,
    });
    const { db } = this.ctx;
    await db.transaction('rw', [db.persons, ...db.custodyLog], async () => {
      await db.persons.add({ ...person, accountKeys: accountKeys(person.accounts) });
      await this.custody.append({
        type: 'person_created',
        subject: { kind: 'person', id: person.id },
        data: { name: person.name },
      });
    });
    return person;
  }

  async update(id: string, patch: Partial<PersonInput>): Promise<Person> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.persons, ...db.custodyLog], async () => {
      const row = await db.persons.get(id);
      if (!row) throw new RecordNotFoundError(`no person with id ${id}`);
      const { name, aliases, accounts, notes } = row;
      const merged = personInputSchema.parse({ name, aliases, accounts, notes, ...patch });
      const person = personSchema.parse({
        ...toPerson(row),
        ...merged,
        updatedAt: this.ctx.now().toISOString(),
      });
      await db.persons.put({ ...person, accountKeys: accountKeys(person.accounts) });
      await this.custody.append({
        type: 'person_updated',
        subject: { kind: 'person', id },
        data: { fields: Object.keys(patch).sort() },
      });
      return person;
    });
  }

  /**
   * Adds a person exactly as recorded elsewhere (an imported package). No custody event of its
   * own: call inside the import's transaction, which records the import.
   */
  async insertImported(person: Person): Promise<void> {
    const parsed = personSchema.parse(person);
    await this.ctx.db.persons.add({ ...parsed, accountKeys: accountKeys(parsed.accounts) });
  }

  async get(id: string): Promise<Person | undefined> {
    const row = await this.ctx.db.persons.get(id);
    return row && toPerson(row);
  }

  async list(): Promise<Person[]> {
    // Sorted here, not by the index: under the lock the index holds blind values.
    const rows = await this.ctx.db.persons.toArray();
    return rows.sort((a, b) => a.name.localeCompare(b.name)).map(toPerson);
  }

  /** Persons who own an account, by `platform:handle` or `platform#id`. */
  async findByAccountKey(key: string): Promise<Person[]> {
    const rows = await this.ctx.db.persons.where('accountKeys').equals(key).toArray();
    return rows.map(toPerson);
  }
}
