// Advance widths read straight from a TrueType file, so vega lays text out with the same
// metrics resvg draws it with. Without this vega guesses 0.8em per character, which
// over-reserves space for labels; and a canvas package would mean a native build.
// Kerning is ignored: it moves a label by a pixel at most.

interface Table {
  offset: number;
  length: number;
}

export class FontMetrics {
  private readonly advances: Uint16Array;
  private readonly glyphs = new Map<number, number>();
  private readonly unitsPerEm: number;
  private readonly widthCache = new Map<string, number>();

  constructor(data: Uint8Array) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const tables = readTableDirectory(view);
    const head = requireTable(tables, 'head');
    const hhea = requireTable(tables, 'hhea');
    const hmtx = requireTable(tables, 'hmtx');
    this.unitsPerEm = view.getUint16(head.offset + 18);
    const metricCount = view.getUint16(hhea.offset + 34);
    this.advances = new Uint16Array(metricCount);
    for (let i = 0; i < metricCount; i++) {
      this.advances[i] = view.getUint16(hmtx.offset + i * 4);
    }
    readCmap(view, requireTable(tables, 'cmap'), this.glyphs);
  }

  /** True when the font has a glyph for the code point; missing ones would draw as nothing. */
  covers(codePoint: number): boolean {
    return this.glyphs.has(codePoint);
  }

  /** Width of `text` in pixels at `fontSize`. */
  width(text: string, fontSize: number): number {
    let units = this.widthCache.get(text);
    if (units === undefined) {
      units = 0;
      for (const char of text) units += this.advance(char.codePointAt(0) ?? 0);
      this.widthCache.set(text, units);
    }
    return (units * fontSize) / this.unitsPerEm;
  }

  private advance(codePoint: number): number {
    const glyph = this.glyphs.get(codePoint) ?? 0;
    // Glyphs past numberOfHMetrics share the last advance (the TrueType 'hmtx' rule).
    const index = Math.min(glyph, this.advances.length - 1);
    return this.advances[index] ?? 0;
  }
}

function readTableDirectory(view: DataView): Map<string, Table> {
  const count = view.getUint16(4);
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

function requireTable(tables: Map<string, Table>, tag: string): Table {
  const table = tables.get(tag);
  if (!table) throw new Error(`Font has no '${tag}' table.`);
  return table;
}

/** Fills `glyphs` from the best Unicode subtable: format 12 (full range) or format 4 (BMP). */
function readCmap(view: DataView, cmap: Table, glyphs: Map<number, number>): void {
  const count = view.getUint16(cmap.offset + 2);
  let format4: number | undefined;
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const sub = cmap.offset + view.getUint32(at + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return readFormat12(view, sub, glyphs);
    if (format === 4) format4 ??= sub;
  }
  if (format4 === undefined) throw new Error('Font has no Unicode cmap subtable.');
  readFormat4(view, format4, glyphs);
}

function readFormat12(view: DataView, sub: number, glyphs: Map<number, number>): void {
  const groups = view.getUint32(sub + 12);
  for (let g = 0; g < groups; g++) {
    const at = sub + 16 + g * 12;
    const start = view.getUint32(at);
    const end = view.getUint32(at + 4);
    const firstGlyph = view.getUint32(at + 8);
    for (let c = start; c <= end; c++) glyphs.set(c, firstGlyph + (c - start));
  }
}

function readFormat4(view: DataView, sub: number, glyphs: Map<number, number>): void {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const raw =
        rangeOffset === 0 ? c : view.getUint16(rangeAt + rangeOffset + (c - start) * 2) || 0;
      const glyph = rangeOffset !== 0 && raw === 0 ? 0 : (raw + delta) & 0xffff;
      if (glyph !== 0) glyphs.set(c, glyph);
    }
  }
}
