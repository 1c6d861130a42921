import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** A line of text: wrapped to the page's width, left or centred. */
export interface PdfText {
  text: string;
  size: number;
  align?: 'left' | 'center';
  /** Grey instead of black, for notes. */
  muted?: boolean;
}

/** A document of one or more A4 pages, written top to bottom. */
export interface PdfSpec {
  title: string;
  /** Blocks of each page: a text, or a gap in points. */
  pages: (PdfText | { gap: number })[][];
  /** A double frame around each page, as certificates have. */
  framed?: boolean;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;

interface Face {
  file: string;
  ranges: [number, number][];
}

/**
 * The faces of Noto Sans SC as the font package slices it: one WOFF file per unicode range (its
 * regular-weight stylesheet says which), so a document embeds only the slices its text uses.
 */
let faces: Face[] | undefined;
function fontFaces(): Face[] {
  if (faces) return faces;
  const css = createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css');
  const dir = path.dirname(css);
  faces = [
    ...fs
      .readFileSync(css, 'utf8')
      .matchAll(/url\(\.\/(files\/[^)]+\.woff)\)[^;]*;\s*unicode-range:\s*([^;]+);/g),
  ].map((m) => ({
    file: path.join(dir, m[1]),
    ranges: m[2].split(',').map((r) => {
      const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)] as [number, number];
    }),
  }));
  return faces;
}

const faceOf = (codePoint: number) =>
  fontFaces().find((f) => f.ranges.some(([a, b]) => codePoint >= a && codePoint <= b)) ?? fontFaces()[0];

const fileBytes = new Map<string, Buffer>();

/** Text as runs of one face each, the faces embedded once per document. */
class Fonts {
  private embedded = new Map<string, Promise<PDFFont>>();
  constructor(private doc: PDFDocument) {}

  async runs(text: string): Promise<{ text: string; font: PDFFont }[]> {
    const out: { text: string; file: string }[] = [];
    for (const ch of text) {
      const file = faceOf(ch.codePointAt(0)!).file;
      const last = out[out.length - 1];
      if (last?.file === file) last.text += ch;
      else out.push({ text: ch, file });
    }
    return Promise.all(out.map(async (r) => ({ text: r.text, font: await this.font(r.file) })));
  }

  private font(file: string) {
    let found = this.embedded.get(file);
    if (!found) {
      if (!fileBytes.has(file)) fileBytes.set(file, fs.readFileSync(file));
      found = this.doc.embedFont(fileBytes.get(file)!, { subset: true });
      this.embedded.set(file, found);
    }
    return found;
  }
}

const widthOf = (runs: { text: string; font: PDFFont }[], size: number) =>
  runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);

/** Breaks text into lines no wider than `width`, between any two characters (Chinese has no spaces). */
async function wrap(fonts: Fonts, text: string, size: number, width: number) {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && widthOf(await fonts.runs(line + ch), size) > width) {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  lines.push(line);
  return lines;
}

function frame(page: PDFPage) {
  const [w, h] = A4;
  const color = rgb(0.62, 0.12, 0.12);
  page.drawRectangle({ x: 24, y: 24, width: w - 48, height: h - 48, borderColor: color, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: w - 64, height: h - 64, borderColor: color, borderWidth: 0.8 });
}

/** Writes a PDF whose text, Chinese or not, is drawn with the embedded Noto Sans SC. */
export async function writePdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(spec.title);
  doc.setProducer('Anju');
  const fonts = new Fonts(doc);
  const [pageWidth, pageHeight] = A4;
  const width = pageWidth - 2 * MARGIN;
  for (const blocks of spec.pages) {
    const page = doc.addPage(A4);
    if (spec.framed) frame(page);
    let y = pageHeight - MARGIN;
    for (const block of blocks) {
      if ('gap' in block) {
        y -= block.gap;
        continue;
      }
      for (const line of await wrap(fonts, block.text, block.size, width)) {
        y -= block.size * 1.5;
        const runs = await fonts.runs(line);
        let x = block.align === 'center' ? MARGIN + (width - widthOf(runs, block.size)) / 2 : MARGIN;
        for (const r of runs) {
          page.drawText(r.text, {
            x,
            y,
            size: block.size,
            font: r.font,
            color: block.muted ? rgb(0.4, 0.4, 0.4) : rgb(0, 0, 0),
          });
          x += r.font.widthOfTextAtSize(r.text, block.size);
        }
      }
    }
  }
  return Buffer.from(await doc.save());
}
