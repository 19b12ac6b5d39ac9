import type { ImagePorts } from './image-ports';
import { captureVisible } from './visible-tab';

/** The extension's image ports: createImageBitmap, OffscreenCanvas and captureVisibleTab. */
export function browserImagePorts(): ImagePorts<ImageBitmap> {
  return {
    decode: (png) =>
      createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })),
    sheet(width, height) {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas in this browser');
      return {
        draw: (tile, sx, sy, sw, sh, dx, dy, dw, dh) =>
          ctx.drawImage(tile, sx, sy, sw, sh, dx, dy, dw, dh),
        async png() {
          const blob = await canvas.convertToBlob({ type: 'image/png' });
          return new Uint8Array(await blob.arrayBuffer());
        },
      };
    },
    captureVisible,
  };
}
