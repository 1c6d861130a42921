import type { FastifyReply } from 'fastify';

/** A value of a GeoReport document: the same tree is written as JSON or as XML. */
export type Value = string | number | boolean | null | Value[] | { [element: string]: Value };

export type Format = 'xml' | 'json';

/** The element each list holds, as the spec names them. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

// everything XML 1.0 can carry; the rest (control characters, lone surrogates, U+FFFE/U+FFFF) is dropped
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(ILLEGAL, '').replace(/[&<>"']/g, (c) => ENTITY[c]);
}

function element(name: string, value: Value): string {
  if (value === null || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[name];
    if (!item) throw new Error(`no item element for the list <${name}>`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([k, v]) => element(k, v));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML document with its UTF-8 declaration, `root` holding `body`. */
export function toXml(root: string, body: Value): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, body)}`;
}

/** The format named by a path's extension (`/services.json`); XML, the spec's required format, otherwise. */
export function formatOf(url: string): Format {
  return /\.json$/i.test(url.split('?')[0]) ? 'json' : 'xml';
}

/** Sends `body` as JSON, or as XML under `root`, with the spec's content types. */
export function send(reply: FastifyReply, format: Format, root: string, body: Value) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, body));
}
