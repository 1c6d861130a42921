import { describe, expect, it } from 'vitest';
import { parseW3c, w3c } from './w3c.ts';
import { escapeXml, formatOf, toXml } from './xml.ts';
import { names, parseXml, textOf } from './xml.test-support.ts';

describe('the XML writer', () => {
  it('escapes the five special characters and drops what XML cannot carry', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXml('x\u0000y\u0008z\u000B\uFFFE\ud800 😀\t\n')).toBe('xyz 😀\t\n');
  });

  it('writes lists under the spec’s item names, empty values as empty elements, with the UTF-8 declaration', () => {
    const doc = toXml('service_requests', [
      {
        service_request_id: 'SJ1',
        description: '楼道<灯>坏了 & "漏水"',
        lat: 26.5,
        zipcode: null,
        metadata: false,
      },
    ]);
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request>')).toBe(true);
    const request = parseXml(doc).children[0];
    expect(names(request)).toEqual(['service_request_id', 'description', 'lat', 'zipcode', 'metadata']);
    expect(textOf(request, 'description')).toBe('楼道<灯>坏了 & "漏水"');
    expect(textOf(request, 'lat')).toBe('26.5');
    expect(textOf(request, 'zipcode')).toBe('');
    expect(textOf(request, 'metadata')).toBe('false');
  });

  it('nests attributes → attribute → values → value, and endpoints → endpoint → formats → format', () => {
    const def = parseXml(
      toXml('service_definition', {
        service_code: 'x',
        attributes: [{ code: 'A', values: [{ key: '1', name: '一' }] }],
      }),
    );
    expect(def.children[1].children[0].children[1].children[0].name).toBe('value');
    const disco = parseXml(toXml('discovery', { endpoints: [{ formats: ['text/xml'] }] }));
    expect(disco.children[0].children[0].children[0].children[0]).toMatchObject({
      name: 'format',
      text: 'text/xml',
    });
  });

  it('refuses a list it has no item name for, rather than writing wrong XML', () => {
    expect(() => toXml('things', [1])).toThrow(/no item element/);
  });

  it('takes the format from the extension, XML otherwise', () => {
    expect(formatOf('/open311/v2/services.json?locale=en')).toBe('json');
    expect(formatOf('/open311/v2/services.xml')).toBe('xml');
    expect(formatOf('/open311/v2/services')).toBe('xml');
  });
});

describe('W3C date-times', () => {
  it('reads them with a time zone and writes them in the spec’s form', () => {
    expect(parseW3c('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3c('2026-03-01T08:00+08:00')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseW3c('2026-03-01T08:00:00.250-05:00')?.toISOString()).toBe('2026-03-01T13:00:00.250Z');
    expect(w3c(new Date('2026-03-01T13:00:00.250Z'))).toBe('2026-03-01T13:00:00Z');
    expect(w3c(null)).toBeNull();
  });

  it('refuses dates without a zone, impossible dates and other forms', () => {
    for (const bad of [
      '2010-01-01',
      '2010-01-01T00:00:00',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:00+25:00',
      'yesterday',
      '1609459200',
    ]) {
      expect(parseW3c(bad), bad).toBeNull();
    }
  });
});
