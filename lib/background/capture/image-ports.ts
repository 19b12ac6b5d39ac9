/** A decoded screenshot: only its size is read; it is drawn onto a sheet, then released. */
export interface Tile {
  readonly width: number;
  readonly height: number;
  close(): void;
}

/** The image being stitched (an OffscreenCanvas in the extension). */
export interface Sheet<T extends Tile> {
  /** Copies a region of `tile` onto the sheet, as CanvasRenderingContext2D.drawImage's 9-argument form. */
  draw(
    tile: T,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
  png(): Promise<Uint8Array>;
}

/**
 * What stitching screenshots needs of a browser: decode a PNG, draw on a sheet, take a new
 * viewport screenshot. Injected so the stitching runs in Node tests over fake tiles
 * (tests/unit/background/capture/); browserImagePorts() is the extension's.
 */
export interface ImagePorts<T extends Tile = Tile> {
  decode(png: Uint8Array): Promise<T>;
  sheet(width: number, height: number): Sheet<T>;
  /** PNG bytes of what the window shows now (paced where the browser limits it). */
  captureVisible(windowId: number): Promise<Uint8Array>;
}
