/** Longest side, in pixels, of a photo as it is sent: enough to read a meter or a crack, small on a phone network. */
export const PHOTO_LONG_SIDE = 1600;

/** Pixel size of a photo. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The size to draw a `source`-sized photo at so its long side is at most `limit`, keeping its
 * proportions (each side at least 1 px); the source size when it already fits.
 */
export function shrunkSize(source: Size, limit = PHOTO_LONG_SIDE): Size {
  const long = Math.max(source.width, source.height);
  if (long <= limit) return { width: source.width, height: source.height };
  const scale = limit / long;
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}

/** Whether a photo can go as it was picked: already within `limit` pixels and `maxBytes`. */
export const fitsAsIs = (source: Size, bytes: number, maxBytes: number, limit = PHOTO_LONG_SIDE) =>
  Math.max(source.width, source.height) <= limit && bytes <= maxBytes;
