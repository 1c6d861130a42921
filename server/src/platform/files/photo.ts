import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** Most bytes a photo (of a visit, of an incident) may have. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** Multipart limits for a route that takes one photo and nothing else. */
export const PHOTO_UPLOAD_LIMITS = { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 };

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

const tooLarge = () => {
  const reason = `larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`;
  return new AppError('payload_too_large', `the photo is ${reason}`, [{ field: 'file', reason }]);
};

/** The one photo of a multipart request (`@fastify/multipart` registered with PHOTO_UPLOAD_LIMITS). */
export async function readPhoto(req: FastifyRequest): Promise<Buffer> {
  const part = await req.file();
  if (!part)
    throw new AppError('validation_failed', 'attach the photo', [{ field: 'file', reason: 'required' }]);
  const content = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  });
  if (part.file.truncated) throw tooLarge();
  return content;
}
