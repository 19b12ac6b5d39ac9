/**
 * Folds text for matching: case, compatibility forms and the letters monitors type either way
 * (ё/е in Russian; Kazakh letters are kept, since қ≠к changes the word).
 */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
}

/** The words of a query, folded; empty when the query is blank. */
export function terms(query: string | undefined): string[] {
  return query ? fold(query).split(/\s+/).filter(Boolean) : [];
}
