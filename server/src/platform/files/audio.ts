import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** Most bytes a voice message may have: about two minutes as browsers record speech. */
export const VOICE_MAX_BYTES = 2 * 1024 * 1024;

const SIGNATURES: { type: string; test(b: Buffer): boolean }[] = [
  // WebM (Chrome, Firefox and Android record Opus in it)
  { type: 'audio/webm', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { type: 'audio/ogg', test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  // MP4 / M4A (Safari and iOS record AAC in it)
  { type: 'audio/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
];

/** The audio type of `content` by its first bytes, whatever the file is called; anything else is refused. */
export function audioTypeOf(content: Buffer): string {
  if (content.length === 0)
    throw new AppError('validation_failed', 'the file is empty', [{ field: 'file', reason: 'empty' }]);
  const found = SIGNATURES.find((s) => s.test(content));
  if (!found) {
    const reason = 'only WebM, Ogg and MP4 voice messages are accepted';
    throw new AppError('unsupported_media_type', reason, [{ field: 'file', reason }]);
  }
  return found.type;
}

const tooLarge = () => {
  const reason = `larger than ${VOICE_MAX_BYTES / 1024 / 1024} MB`;
  return new AppError('payload_too_large', `the voice message is ${reason}`, [{ field: 'file', reason }]);
};

/** The one voice message of a multipart request. */
export async function readVoice(req: FastifyRequest): Promise<Buffer> {
  const part = await req.file({ limits: { fileSize: VOICE_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  if (!part)
    throw new AppError('validation_failed', 'attach the voice message', [
      { field: 'file', reason: 'required' },
    ]);
  const content = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  });
  if (part.file.truncated) throw tooLarge();
  return content;
}
