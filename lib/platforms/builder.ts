import {
  extractedRecordSchema,
  type AccountRecord,
  type ExtractedRecord,
  type Platform,
  type PostRecord,
} from './record';

/** A strategy that can give a field: where on the page the value came from. */
export type Source = 'dom' | 'embedded-json' | 'json-ld' | 'meta' | 'url' | 'api-json' | 'derived';

/** One way of finding a field; returning null/undefined/''/[] means "not found here". */
export type Candidate<T> = readonly [Source, () => T | null | undefined];

type Body = Omit<ExtractedRecord, 'platform' | 'url' | 'warnings' | 'sources' | 'extractor'>;

/**
 * Collects one record: which strategy gave each field (`sources`), and a warning for every
 * expected field no strategy found. Extractors call `pick` per field with their strategies in
 * order of trust, then `finish` with the assembled record, which is validated against the schema.
 */
export class RecordBuilder {
  readonly warnings: string[] = [];
  readonly sources: Record<string, Source> = {};

  constructor(
    readonly platform: Platform,
    readonly extractor: { name: string; version: string },
    readonly url: URL,
  ) {}

  /**
   * The first candidate that yields a value; its source is recorded under `field`. When none
   * does, the field is null and (unless `optional`) a warning names it and the strategies tried.
   * A throwing strategy is reported and skipped.
   */
  pick<T>(field: string, candidates: ReadonlyArray<Candidate<T>>, optional = false): T | null {
    for (const [source, get] of candidates) {
      let value: T | null | undefined;
      try {
        value = get();
      } catch (error) {
        this.warn(`${field}: ${source} strategy failed (${messageOf(error)})`);
        continue;
      }
      if (!isEmpty(value)) {
        this.sources[field] = source;
        return value as T;
      }
    }
    if (!optional) {
      const tried = candidates.map(([s]) => s).join(', ') || 'no strategy';
      this.warn(`${field}: not found (tried ${tried})`);
    }
    return null;
  }

  /** Records the source of a value found without `pick`. */
  note(field: string, source: Source): void {
    this.sources[field] = source;
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Completes and validates the record; throws naming the invalid field (the registry catches). */
  finish(body: Body): ExtractedRecord {
    const record: ExtractedRecord = {
      platform: this.platform,
      url: this.url.href,
      ...body,
      warnings: [...this.warnings],
      sources: { ...this.sources },
      extractor: { ...this.extractor },
    };
    const parsed = extractedRecordSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${this.extractor.name} produced an invalid record: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      );
    }
    return parsed.data;
  }
}

function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'number') return Number.isNaN(value);
  return false;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function emptyPost(): PostRecord {
  return {
    id: null,
    author: { handle: null, name: null, id: null },
    publishedAt: null,
    text: null,
    media: [],
    counts: { likes: null, comments: null, shares: null, views: null },
    hashtags: [],
    mentions: [],
    links: [],
  };
}

export function emptyAccount(): AccountRecord {
  return {
    handle: null,
    name: null,
    id: null,
    bio: null,
    avatarUrl: null,
    followers: null,
    following: null,
    posts: null,
    verified: null,
    private: null,
    state: 'unknown',
  };
}
