import { z } from 'zod';

/** Database ids travel as decimal strings so bigint never loses precision. */
export const Id = z.string().regex(/^[1-9][0-9]{0,17}$/, 'must be a positive integer id');
export const IdParams = z.object({ id: Id });

export const Paging = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type Paging = z.infer<typeof Paging>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const Ok = z.object({ ok: z.literal(true) });
export const ExportFormat = z.enum(['xlsx', 'csv']);
