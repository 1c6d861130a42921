import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { z } from 'zod';
import { AppError, conflict } from '../../errors.ts';
import { receive } from '../upload.ts';
import type { FileFormat } from '../xlsx.ts';

/** An uploaded file, checked by type and size, on disk until the request ends. */
export interface Upload {
  path: string;
  fileName: string;
  format: FileFormat;
}

/**
 * Reads a multipart form: the file goes to disk as it arrives, the text fields are checked with
 * `schema` (fields may come before or after the file). The caller removes the file.
 */
export async function form<S extends z.ZodType>(
  req: FastifyRequest,
  dir: string,
  maxBytes: number,
  schema: S,
) {
  const fields: Record<string, unknown> = {};
  let upload: Upload | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') upload = await receive(part as MultipartFile, dir, maxBytes);
      else fields[part.fieldname] = part.value;
    }
    if (!upload) await receive(undefined, dir, maxBytes);
    const parsed = schema.safeParse(fields);
    if (!parsed.success)
      throw new AppError(
        'validation_failed',
        'the form fields are not valid',
        parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
      );
    return { upload: upload!, fields: parsed.data as z.output<S> };
  } catch (err) {
    if (upload) fs.rmSync(upload.path, { force: true });
    throw err;
  }
}

/** Runs `work` on the form's file and removes the file after, whatever happens. */
export async function withForm<S extends z.ZodType, T>(
  req: FastifyRequest,
  dir: string,
  maxBytes: number,
  schema: S,
  work: (upload: Upload, fields: z.output<S>) => Promise<T>,
): Promise<T> {
  const { upload, fields } = await form(req, dir, maxBytes, schema);
  try {
    return await work(upload, fields);
  } finally {
    fs.rmSync(upload.path, { force: true });
  }
}

/** A commit writes every row or, asked to skip the bad ones, the good ones; never nothing. */
export function assertCommittable(counts: { valid: number; invalid: number }, skipBad: boolean) {
  if (counts.invalid > 0 && !skipBad)
    throw conflict(`${counts.invalid} rows have errors: fix them, or commit skipping them`, [
      { field: 'skipBad', reason: `${counts.invalid} bad rows` },
    ]);
  if (counts.valid === 0)
    throw conflict('no row can be committed', [{ field: 'file', reason: 'no good rows' }]);
}
