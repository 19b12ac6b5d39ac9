/**
 * A download file name that says nothing about its contents: no person, case or platform. Browser
 * download history and the Downloads folder outlive the archive (integrity.md §5).
 */
export function neutralFileName(extension = 'zip'): string {
  if (!/^[a-z0-9]{1,8}$/.test(extension)) throw new Error(`bad file extension "${extension}"`);
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `dalel-${hex}.${extension}`;
}
