import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { AppError, invalid } from '../errors.ts';
import type { FileFormat } from './xlsx.ts';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const cutShort = () => {
  const reason = 'the upload ended before the file did';
  return new AppError('validation_failed', reason, [{ field: 'file', reason }]);
};

/** Why a file is refused by its content: reasons the web gives in the reader's language. */
export const UNSUPPORTED = {
  legacy:
    'a legacy .xls workbook (Excel 97–2003) cannot be read: open it in Excel or WPS and save it as .xlsx',
  other: 'only .xlsx workbooks and .csv files can be imported',
} as const;

const unsupported = (kind: keyof typeof UNSUPPORTED) => {
  const { message, details } = invalid('file', UNSUPPORTED[kind]);
  return new AppError('unsupported_media_type', message, details);
};

/** Text, as a CSV is: no control characters but tab, line breaks and the DOS end-of-file mark. */
const isText = (head: Buffer) => !head.some((b) => b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 0x1a);

/** The format of a file by its content: a zip is .xlsx, text named .csv is CSV; anything else is refused. */
export function formatOf(head: Buffer, fileName: string): FileFormat {
  if (head.length === 0)
    throw new AppError('validation_failed', 'the file is empty', [{ field: 'file', reason: 'empty' }]);
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 8).equals(OLE)) throw unsupported('legacy');
  if (/\.(csv|txt)$/i.test(fileName) && isText(head)) return 'csv';
  throw unsupported('other');
}

/** The first 64 KiB of a file, enough to tell its format. */
export function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes an uploaded file to `dir` and checks it by size and content; the caller owns the file after. */
export async function receive(
  part: MultipartFile | undefined,
  dir: string,
  maxBytes: number,
): Promise<{ path: string; fileName: string; format: FileFormat }> {
  if (!part)
    throw new AppError('validation_failed', 'attach the file', [{ field: 'file', reason: 'required' }]);
  // a part cut short is destroyed before we read it, and a pipeline from it would never settle
  if (part.file.destroyed && !part.file.readableEnded) throw cutShort();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `upload-${randomUUID()}`);
  try {
    await pipeline(part.file, fs.createWriteStream(file, { mode: 0o600 }));
    if (part.file.truncated) throw new Error('truncated');
    const fileName = path.basename(part.filename || 'upload');
    return { path: file, fileName, format: formatOf(readHead(file), fileName) };
  } catch (err) {
    fs.rmSync(file, { force: true });
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (part.file.truncated || code === 'FST_REQ_FILE_TOO_LARGE') {
      const reason = `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
      throw new AppError('payload_too_large', `the file is ${reason}`, [{ field: 'file', reason }]);
    }
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') throw cutShort();
    throw err;
  }
}
