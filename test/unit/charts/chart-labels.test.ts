import { describe, expect, it } from 'vitest';
import { loadChartFonts } from '../../../src/charts/chart-fonts.js';
import { chartLabel, drawableText, fitText, unitSuffix } from '../../../src/charts/chart-labels.js';

const font = loadChartFonts().regular;

describe('drawableText', () => {
  it('drops emoji (with joiners and variation selectors) and tidies the spaces left', () => {
    expect(drawableText('Checkout 💳 fails 👩‍👩‍👧 on 🔥️ mobile', font)).toBe(
      'Checkout fails on mobile',
    );
  });

  it('keeps accented Latin, Greek and Cyrillic', () => {
    expect(drawableText('Ümläute, Ελληνικά, Доставка', font)).toBe('Ümläute, Ελληνικά, Доставка');
  });
});

describe('fitText', () => {
  it('leaves text that fits alone', () => {
    expect(fitText('Fees or interest', 200, 12, font)).toBe('Fees or interest');
  });

  it('cuts long text at a word near the limit, with an ellipsis, within the width', () => {
    const text = "Problem with a credit reporting company's investigation into an existing problem";
    const cut = fitText(text, 220, 12, font);
    expect(cut).toBe('Problem with a credit reporting…');
    expect(font.width(cut, 12)).toBeLessThanOrEqual(220);
  });

  it('cuts a text without spaces mid-word, and never splits a grapheme', () => {
    const cut = fitText('x'.repeat(500), 100, 12, font);
    expect(cut.endsWith('x…')).toBe(true);
    expect(font.width(cut, 12)).toBeLessThanOrEqual(100);
    const flags = fitText('Ünïcödé '.repeat(20), 80, 12, font);
    expect(flags.normalize('NFC')).toBe(flags);
  });
});

describe('chartLabel', () => {
  it('falls back from the name to the slug to the last resort', () => {
    expect(chartLabel(['Late delivery', '#late'], 'Theme 1', 200, 12, font)).toBe('Late delivery');
    expect(chartLabel(['🔥🔥', '#hot'], 'Theme 2', 200, 12, font)).toBe('#hot');
    expect(chartLabel(['配送が遅れる', '#配送'], 'Theme 3', 200, 12, font)).toBe('Theme 3');
  });
});

describe('unitSuffix', () => {
  it('puts % straight after the number and other units after a space', () => {
    expect(unitSuffix('%')).toBe('%');
    expect(unitSuffix('calls')).toBe(' calls');
    expect(unitSuffix('')).toBe('');
  });
});
