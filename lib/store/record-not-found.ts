/**
 * A write named a record that is not in the store (a person, case, capture or link deleted in
 * another tab, or an id that never existed). Its own class so the message layer can answer
 * `not_found` rather than a generic failure; the message stays the repository's.
 */
export class RecordNotFoundError extends Error {
  override name = 'RecordNotFoundError';
}
