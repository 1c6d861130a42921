import fs from 'node:fs';
import iconv from 'iconv-lite';

/** Which text encoding a CSV file is in: UTF-8 (with or without BOM) or GB18030/GBK as Chinese Excel writes it. */
export function detectEncoding(head: Buffer): { encoding: 'utf8' | 'gb18030'; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

/** Decoded text of a file, chunk by chunk; `onBytes` hears how many raw bytes were read. */
export async function* textChunks(file: string, onBytes: (n: number) => void): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      let bytes = chunk;
      if (!decoder) {
        const { encoding, bom } = detectEncoding(chunk);
        decoder = iconv.getDecoder(encoding);
        bytes = chunk.subarray(bom);
      }
      const text = decoder.write(bytes);
      if (text) yield text;
    }
    const rest = decoder?.end();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/** Splits one complete record (possibly spanning lines inside quotes) into fields, RFC 4180. */
function splitQuoted(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (record[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

const quotes = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
};

/** Streams CSV records; lines without quotes take the fast path of a plain split. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let buffer = '';
  let pending: string | null = null;
  let pendingQuotes = 0;
  const take = (line: string): string[] | null => {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (pending !== null) {
      pending += `\n${line}`;
      pendingQuotes += quotes(line);
      if (pendingQuotes % 2 === 1) return null;
      const record = pending;
      pending = null;
      return splitQuoted(record);
    }
    if (!line.includes('"')) return line.split(',');
    const n = quotes(line);
    if (n % 2 === 0) return splitQuoted(line);
    pending = line;
    pendingQuotes = n;
    return null;
  };
  for await (const chunk of chunks) {
    buffer += chunk;
    let start = 0;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n', start)) {
      const record = take(buffer.slice(start, nl));
      start = nl + 1;
      if (record) yield record;
    }
    buffer = buffer.slice(start);
  }
  if (buffer !== '' || pending !== null) {
    const record = take(buffer);
    if (record) yield record;
    else if (pending !== null) yield splitQuoted(pending);
  }
}
