import { describe, expect, it } from 'vitest';
import { fitsAsIs, PHOTO_LONG_SIDE, shrunkSize } from './photoSize.ts';

describe('shrunkSize', () => {
  it('brings a landscape camera photo down to 1600 px on its long side', () => {
    expect(shrunkSize({ width: 6000, height: 4000 })).toEqual({ width: 1600, height: 1067 });
  });

  it('brings a portrait photo down by its height', () => {
    expect(shrunkSize({ width: 3024, height: 4032 })).toEqual({ width: 1200, height: 1600 });
  });

  it('leaves a photo that already fits as it is', () => {
    expect(shrunkSize({ width: 1600, height: 900 })).toEqual({ width: 1600, height: 900 });
    expect(shrunkSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
  });

  it('keeps a very long thin image at least a pixel wide', () => {
    expect(shrunkSize({ width: 20000, height: 3 })).toEqual({ width: 1600, height: 1 });
  });

  it('takes another limit', () => {
    expect(shrunkSize({ width: 1000, height: 500 }, 100)).toEqual({ width: 100, height: 50 });
  });
});

describe('fitsAsIs', () => {
  const MB = 1024 * 1024;
  it('keeps a small photo within the pixel limit', () => {
    expect(fitsAsIs({ width: 1200, height: 800 }, 300_000, 5 * MB)).toBe(true);
    expect(fitsAsIs({ width: PHOTO_LONG_SIDE, height: 10 }, 5 * MB, 5 * MB)).toBe(true);
  });

  it('shrinks a photo too large in pixels or in bytes', () => {
    expect(fitsAsIs({ width: 4000, height: 3000 }, 1_000_000, 5 * MB)).toBe(false);
    expect(fitsAsIs({ width: 1200, height: 800 }, 6 * MB, 5 * MB)).toBe(false);
  });
});
