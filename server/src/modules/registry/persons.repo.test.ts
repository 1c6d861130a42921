import { describe, expect, it } from 'vitest';
import { parseRoom } from './persons.repo.ts';

describe('parseRoom', () => {
  it.each([
    ['3-502', { building: '3', room: '502' }],
    ['3栋502', { building: '3', room: '502' }],
    ['3栋502室', { building: '3', room: '502' }],
    ['12幢1单元1103', { building: '12', room: '1103' }],
    ['2排5号', { building: '2', room: '5' }],
    ['李明', undefined],
    ['3', undefined],
  ])('%s', (q, expected) => expect(parseRoom(q)).toEqual(expected));
});
