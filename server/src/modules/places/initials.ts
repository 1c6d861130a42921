import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a name, lower case ('靖安镇' → 'jaz'), for search. */
export function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 64);
}
