import { AppError } from '../../platform/errors.ts';

/** Most bytes a visit photo may have. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: string; test(b: Buffer): boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The image type of `content` by its first bytes, whatever the file is called; anything else is refused. */
export function imageTypeOf(content: Buffer): string {
  if (content.length === 0)
    throw new AppError('validation_failed', 'the file is empty', [{ field: 'file', reason: 'empty' }]);
  const found = SIGNATURES.find((s) => s.test(content));
  if (!found) {
    const reason = 'only JPEG, PNG and WebP photos are accepted';
    throw new AppError('unsupported_media_type', reason, [{ field: 'file', reason }]);
  }
  return found.type;
}
