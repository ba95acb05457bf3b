// Label text that the bundled font can draw and that fits its slot. Trimming happens here
// rather than through vega's `labelLimit`, so each label is cut at a grapheme boundary and
// the same string shows in the chart and in the alt text.
import type { FontMetrics } from './font-metrics.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

// Joiners and variation selectors have no glyph of their own, so they don't count as missing.
const INVISIBLE = new Set([0x200d, 0xfe0e, 0xfe0f]);
const ELLIPSIS = '…';

const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/**
 * Drops graphemes the font has no glyph for (emoji, most CJK), which resvg would render as
 * blank gaps, and collapses the whitespace this leaves behind.
 */
export function drawableText(text: string, font: FontMetrics): string {
  const kept = graphemes(text).filter((g) =>
    Array.from(g).every((c) => {
      const codePoint = c.codePointAt(0) ?? 0;
      return INVISIBLE.has(codePoint) || font.covers(codePoint);
    }),
  );
  return kept.join('').replace(/\s+/gu, ' ').trim();
}

/** `text` cut with an ellipsis so that it is at most `maxWidth` pixels at `fontSize`. */
export function fitText(
  text: string,
  maxWidth: number,
  fontSize: number,
  font: FontMetrics,
): string {
  if (font.width(text, fontSize) <= maxWidth) return text;
  const parts = graphemes(text);
  const budget = maxWidth - font.width(ELLIPSIS, fontSize);
  let used = 0;
  let end = 0;
  for (const part of parts) {
    const w = font.width(part, fontSize);
    if (used + w > budget) break;
    used += w;
    end += 1;
  }
  // Cut at a word break when one is near, so labels don't end in half a word.
  const head = parts.slice(0, end).join('').trimEnd();
  const space = head.lastIndexOf(' ');
  const cut = space > head.length * 0.7 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}${ELLIPSIS}`;
}

const MEANINGFUL = /[\p{L}\p{N}]/u;

/**
 * A readable label: the first of `candidates` (name, then slug…) that still has a letter or
 * digit once undrawable glyphs are gone, else `lastResort`; cut to `maxWidth`.
 */
export function chartLabel(
  candidates: readonly string[],
  lastResort: string,
  maxWidth: number,
  fontSize: number,
  font: FontMetrics,
): string {
  const drawable = candidates.map((c) => drawableText(c, font)).find((c) => MEANINGFUL.test(c));
  return fitText(drawable ?? lastResort, maxWidth, fontSize, font);
}

/** " kg" after a number, but "%" straight after it, as people write them. */
export const unitSuffix = (unit: string): string =>
  unit === '' ? '' : unit.startsWith('%') ? unit : ` ${unit}`;
