import { z } from 'zod';
import { Id, Version } from './common.ts';

/** Levels of the one place tree, top to bottom. */
export const PLACE_LEVELS = [
  'province',
  'city',
  'county',
  'township',
  'village',
  'community',
  'grid',
  'building',
  'dwelling',
] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const Place = z.object({
  id: Id,
  parentId: Id.nullable(),
  level: z.enum(PLACE_LEVELS),
  code: z.string().nullable(),
  name: z.string(),
  childCount: z.number().int(),
  path: z.array(z.object({ id: Id, name: z.string(), level: z.enum(PLACE_LEVELS) })),
  attributes: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export type Place = z.infer<typeof Place>;

/** Which levels may be added under which: communities under townships, and so on down to dwellings. */
export const CHILD_LEVELS: Partial<
  Record<PlaceLevel, readonly ('community' | 'grid' | 'building' | 'dwelling')[]>
> = {
  township: ['community'],
  community: ['grid', 'building'],
  grid: ['building'],
  building: ['dwelling'],
};

export const PlaceChildrenQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
});
export type PlaceChildrenQuery = z.infer<typeof PlaceChildrenQuery>;

export const PlaceSearchQuery = z.object({
  q: z.string().trim().min(1).max(40),
  under: Id.optional(),
  levels: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(PLACE_LEVELS)).optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PlaceSearchQuery = z.infer<typeof PlaceSearchQuery>;

export const PlaceSummary = z.object({
  id: Id,
  parentId: Id.nullable(),
  level: z.enum(PLACE_LEVELS),
  code: z.string().nullable(),
  name: z.string(),
  childCount: z.number().int(),
});
export type PlaceSummary = z.infer<typeof PlaceSummary>;

/** A place's own attributes (floors, area…): a few short entries, never a store of documents. */
const placeAttributes = z
  .record(z.string().max(64), z.unknown())
  .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes')
  .refine((a) => JSON.stringify(a).length <= 8000, 'at most 8000 characters in all');

export const PlaceCreate = z.object({
  parentId: Id,
  level: z.enum(['community', 'grid', 'building', 'dwelling']),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,32}$/, 'letters, digits and - only, at most 32')
    .optional(),
  name: z.string().trim().min(1).max(100),
  attributes: placeAttributes.default({}),
});
export type PlaceCreate = z.infer<typeof PlaceCreate>;

export const PlaceUpdate = z.object({
  name: z.string().trim().min(1).max(100),
  attributes: placeAttributes.optional(),
  version: Version,
});
export type PlaceUpdate = z.infer<typeof PlaceUpdate>;

/** Administrative divisions are public reference data: anyone who reads places may look them up. */
export const DIVISION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;

export const DivisionSearchQuery = z.object({
  q: z.string().trim().min(1).max(40),
  levels: z
    .string()
    .max(100)
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(DIVISION_LEVELS)).optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type DivisionSearchQuery = z.infer<typeof DivisionSearchQuery>;

export const Division = z.object({
  id: Id,
  level: z.enum(DIVISION_LEVELS),
  code: z.string().nullable(),
  name: z.string(),
  /** The names from the province down, e.g. 云南省昭通市镇雄县母享镇大坪村. */
  fullName: z.string(),
});
export type Division = z.infer<typeof Division>;
