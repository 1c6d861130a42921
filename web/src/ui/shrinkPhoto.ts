import { fitsAsIs, shrunkSize, type Size } from './photoSize.ts';

/** JPEG quality of a shrunk photo: no visible loss at phone size, a few hundred KB. */
const QUALITY = 0.8;

type Picture = ImageBitmap | HTMLImageElement;

/** Decodes `file` upright (EXIF rotation honoured); an `<img>` where `createImageBitmap` cannot. */
async function decode(file: Blob): Promise<Picture> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // an older browser without the options, or a format only <img> reads: try that below
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const sizeOf = (p: Picture): Size =>
  p instanceof HTMLImageElement ? { width: p.naturalWidth, height: p.naturalHeight } : p;

/** Draws `picture` at `size` on a white ground (a transparent screenshot stays readable) and encodes it as JPEG. */
async function encode(picture: Picture, { width, height }: Size): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(picture, 0, 0, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(picture, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no JPEG'))), 'image/jpeg', QUALITY),
  );
}

/**
 * The photo to send for `file`: as picked when it is already small enough (in pixels and in
 * `maxBytes`) and of one of `types`, else redrawn with its long side at most 1600 px as a JPEG; a
 * file the browser cannot decode or draw goes as it is, for the form and the server to refuse.
 */
export async function shrinkPhoto(file: File, maxBytes: number, types: string[]): Promise<File> {
  if (!file.type.startsWith('image/')) return file;
  let picture: Picture;
  try {
    picture = await decode(file);
  } catch {
    return file;
  }
  try {
    const size = sizeOf(picture);
    if (types.includes(file.type) && fitsAsIs(size, file.size, maxBytes)) return file;
    const jpeg = await encode(picture, shrunkSize(size)).catch(() => null);
    if (!jpeg) return file;
    const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
    return new File([jpeg], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    if ('close' in picture) picture.close();
  }
}
