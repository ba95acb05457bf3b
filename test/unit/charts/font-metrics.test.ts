import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { findFontDir, loadChartFonts } from '../../../src/charts/chart-fonts.js';

const fonts = loadChartFonts();

/** The ink width resvg draws for `text`, from its left origin. */
function drawnWidth(text: string, weight: number): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="40"><text x="0" y="20" font-family="Inter" font-size="12" font-weight="${weight}">${text}</text></svg>`;
  const resvg = new Resvg(svg, {
    font: { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family },
  });
  const box = resvg.getBBox();
  if (!box) throw new Error('resvg drew nothing');
  return box.x + box.width;
}

describe('FontMetrics on the bundled Inter', () => {
  it('finds the bundled fonts next to the sources', () => {
    expect(findFontDir()).toMatch(/assets\/fonts\/$/);
    expect(fonts.files.map((f) => f.split('/').pop())).toEqual([
      'Inter-Regular.ttf',
      'Inter-SemiBold.ttf',
    ]);
  });

  it('measures what resvg draws, for Latin and Cyrillic, regular and semibold', () => {
    const samples: Array<[string, number]> = [
      ['Incorrect information on your report', 400],
      ['Доставка опаздывает', 400],
      ['Pareto by issue count', 600],
    ];
    for (const [text, weight] of samples) {
      const font = weight === 600 ? fonts.semibold : fonts.regular;
      // Advance widths include the side bearings the ink box leaves out: within 2 px.
      expect(Math.abs(font.width(text, 12) - drawnWidth(text, weight))).toBeLessThan(2);
    }
  });

  it('scales with the font size and gives 0 for empty text', () => {
    expect(fonts.regular.width('', 12)).toBe(0);
    expect(fonts.regular.width('Theme', 24)).toBeCloseTo(fonts.regular.width('Theme', 12) * 2, 9);
    expect(fonts.regular.width('WWW', 12)).toBeGreaterThan(fonts.regular.width('iii', 12));
    expect(fonts.semibold.width('Theme', 12)).toBeGreaterThan(fonts.regular.width('Theme', 12));
  });

  it('knows which code points have glyphs', () => {
    expect(fonts.regular.covers('A'.codePointAt(0) ?? 0)).toBe(true);
    expect(fonts.regular.covers('Ж'.codePointAt(0) ?? 0)).toBe(true);
    expect(fonts.regular.covers('…'.codePointAt(0) ?? 0)).toBe(true);
    expect(fonts.regular.covers('😀'.codePointAt(0) ?? 0)).toBe(false);
    expect(fonts.regular.covers('配'.codePointAt(0) ?? 0)).toBe(false);
  });
});
