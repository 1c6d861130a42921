import { z } from 'zod';
import { DictionaryEntry } from './registry.ts';

/** The code lists that policy owners edit as data: monitored categories, risk types, comparison items. */
export const EDITABLE_DICTIONARIES = ['monitoring_category', 'risk_type', 'comparison_item'] as const;
export type EditableDictionary = (typeof EDITABLE_DICTIONARIES)[number];

const Label = z.string().trim().min(1).max(64);
const Sort = z.number().int().min(0).max(9999);

export const DictionaryItemCreate = z.object({
  code: z.string().regex(/^[a-z_]{1,32}$/, 'must be lower-case letters and underscores'),
  labelZh: Label,
  labelEn: Label,
  sort: Sort.default(0),
});
export type DictionaryItemCreate = z.infer<typeof DictionaryItemCreate>;

export const DictionaryItemUpdate = z.object({
  labelZh: Label,
  labelEn: Label,
  sort: Sort,
  active: z.boolean(),
});
export type DictionaryItemUpdate = z.infer<typeof DictionaryItemUpdate>;

/** An entry as its editors see it: with its place in the list and whether it is offered. */
export const DictionaryItem = DictionaryEntry.extend({ sort: z.number().int(), active: z.boolean() });
export type DictionaryItem = z.infer<typeof DictionaryItem>;
