/** Width of a list thumbnail in CSS pixels (drawn at twice that for sharp screens). */
export const THUMBNAIL_WIDTH = 96;
const KEPT = 400;

/**
 * Small JPEG thumbnails of screenshots for the captures list, made in the worker so a page of
 * 100 rows receives ~100 small images instead of 100 full screenshots. Derived and disposable:
 * kept in memory only (never on disk, where under the passphrase lock they would be plaintext
 * views of the evidence), a few hundred at most.
 */
export class Thumbnails {
  private readonly cache = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly openBlob: (sha256: string) => Promise<Blob>) {}

  get(sha256: string): Promise<Uint8Array> {
    let made = this.cache.get(sha256);
    if (made) {
      // Most recently used last: the oldest is dropped first.
      this.cache.delete(sha256);
      this.cache.set(sha256, made);
      return made;
    }
    made = this.make(sha256);
    made.catch(() => this.cache.delete(sha256));
    this.cache.set(sha256, made);
    if (this.cache.size > KEPT) this.cache.delete(this.cache.keys().next().value!);
    return made;
  }

  /** Forget every thumbnail (the archive was locked or wiped). */
  clear(): void {
    this.cache.clear();
  }

  private async make(sha256: string): Promise<Uint8Array> {
    const blob = await this.openBlob(sha256);
    const image = await createImageBitmap(blob);
    try {
      const width = Math.min(THUMBNAIL_WIDTH * 2, image.width);
      const height = Math.max(1, Math.round((image.height * width) / image.width));
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2d canvas in this context');
      g.imageSmoothingQuality = 'high';
      g.drawImage(image, 0, 0, width, height);
      const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
      return new Uint8Array(await jpeg.arrayBuffer());
    } finally {
      image.close();
    }
  }
}
