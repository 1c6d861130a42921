import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cellText, xlsxSheets } from './xlsx.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-xlsx-chinese-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A zip of deflated parts, as Excel stores a workbook. */
function zip(parts: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const deflated = zlib.deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const fields = (head: Buffer, at: number) => {
      head.writeUInt16LE(8, at); // deflate
      head.writeUInt32LE(zlib.crc32(data), at + 6);
      head.writeUInt32LE(deflated.length, at + 10);
      head.writeUInt32LE(data.length, at + 14);
      head.writeUInt16LE(fileName.length, at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 8);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    fields(entry, 10);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    central.push(entry, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤阿吉';
// names of the register carry characters outside the basic plane, four bytes in UTF-8
const given = [...'秀英华明国平建军丽芳敏静强磊洋艳勇杰娟涛超霞秀兰桂花志学𠮷𡈼𪚥嫚彝珍'];

/** The i-th name of the register: a surname and one or two given characters, the same on every run. */
const name = (i: number) =>
  surnames[i % surnames.length] +
  given[(i * 7) % given.length] +
  (i % 3 ? given[(i * 13 + 5) % given.length] : '');

/** A workbook laid out as Excel writes it: names in the shared strings (column A) and inline (column B). */
function workbook(file: string, rows: number): string[] {
  const names = Array.from({ length: rows }, (_, i) => name(i));
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheetRows = names
    .map(
      (n, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c>` +
        `<c r="B${i + 1}" t="inlineStr"><is><t>${n}</t></is></c></row>`,
    )
    .join('');
  fs.writeFileSync(
    file,
    zip([
      [
        '[Content_Types].xml',
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
      ],
      [
        'xl/workbook.xml',
        `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="人口" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ],
      [
        'xl/sharedStrings.xml',
        `${xml}<sst xmlns="${main}" count="${rows}" uniqueCount="${rows}">` +
          names.map((n) => `<si><t>${n}</t></si>`).join('') +
          '</sst>',
      ],
      [
        'xl/worksheets/sheet1.xml',
        `${xml}<worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`,
      ],
    ]),
  );
  return names;
}

it('reads every Chinese name whole, in shared and inline strings, wherever the chunks of the zip end', async () => {
  const file = path.join(dir, 'names.xlsx');
  const names = workbook(file, 30_000);
  const read: [string, string][] = [];
  for await (const sheet of xlsxSheets(file, 'ignore'))
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      read.push([cellText(values[1]), cellText(values[2])]);
    }
  expect(read.filter(([a, b]) => a.includes('\uFFFD') || b.includes('\uFFFD'))).toEqual([]);
  expect(read).toEqual(names.map((n) => [n, n]));
});
