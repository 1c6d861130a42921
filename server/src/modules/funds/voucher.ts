import { AppError } from '../../platform/errors.ts';
import { imageTypeOf } from '../../platform/files/photo.ts';

const ONLY = 'only JPEG, PNG and WebP photos or PDF files are accepted';

/** The type of a voucher by its first bytes, whatever the file is called: a photo or a PDF, else refused. */
export function voucherTypeOf(content: Buffer): string {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  try {
    return imageTypeOf(content);
  } catch (err) {
    if (err instanceof AppError && err.code === 'unsupported_media_type')
      throw new AppError('unsupported_media_type', ONLY, [{ field: 'file', reason: ONLY }]);
    throw err;
  }
}
