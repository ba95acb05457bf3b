import { describe, expect, it } from 'vitest';
import {
  cleanInput,
  splitHead,
  tokenize,
  type Token,
} from '../../../src/core/commands/tokenize.js';

const tokens = (text: string): Token[] => {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};
const brief = (text: string): unknown[] =>
  tokens(text).map((t) => {
    switch (t.type) {
      case 'word':
        return t.quoted ? ['q', t.value] : t.value;
      case 'pair':
        return [t.key, t.value];
      case 'theme':
        return `#${t.name}`;
      case 'mention':
        return t.mention;
      case 'link':
        return t.label === undefined ? ['link', t.url] : ['link', t.url, t.label];
    }
  });

describe('tokenize', () => {
  it.each<[string, unknown[]]>([
    ['late parcel', ['late', 'parcel']],
    ['  spaced\t\nout  ', ['spaced', 'out']],
    ['"late parcel" again', [['q', 'late parcel'], 'again']],
    ["'single quoted'", [['q', 'single quoted']]],
    [
      '“smart quotes” ‘and single’',
      [
        ['q', 'smart quotes'],
        ['q', 'and single'],
      ],
    ],
    [
      '„German“ «French»',
      [
        ['q', 'German'],
        ['q', 'French'],
      ],
    ],
    ['"say \\"hi\\" \\\\ now"', [['q', 'say "hi" \\ now']]],
    ["don't split it's", ["don't", 'split', "it's"]],
    [
      'customer:"Acme Ltd" cost:12',
      [
        ['customer', 'Acme Ltd'],
        ['cost', '12'],
      ],
    ],
    ['customer="Acme Ltd"', [['customer', 'Acme Ltd']]],
    ['customer:“Zoë & Co”', [['customer', 'Zoë & Co']]],
    [
      'COST:12 Company_Cost:3',
      [
        ['cost', '12'],
        ['company-cost', '3'],
      ],
    ],
    ['note: text', [['note', ''], 'text']],
    ['09:00 12:30', ['09:00', '12:30']],
    ['https://example.com/x', ['https://example.com/x']],
    [
      '#late-delivery #entrega-tardía #配送 #under_score',
      ['#late-delivery', '#entrega-tardía', '#配送', '#under_score'],
    ],
    ['#late-delivery, then', ['#late-delivery', 'then']],
    ['#"Late delivery"', ['#Late delivery']],
    ['order #12345 and # alone', ['order', '#12345', 'and', '#', 'alone']],
    [
      '<@U123> <@U123|ana> <@W9|Ana Lima>',
      [
        { kind: 'id', userId: 'U123' },
        { kind: 'id', userId: 'U123', name: 'ana' },
        { kind: 'id', userId: 'W9', name: 'Ana Lima' },
      ],
    ],
    [
      '@ana @me, bob@example.com',
      [{ kind: 'name', name: 'ana' }, { kind: 'self' }, 'bob@example.com'],
    ],
    ['<at>Ana Lima</at>', [{ kind: 'name', name: 'Ana Lima' }]],
    [
      '<https://x.io/a|the doc> <https://x.io/b>',
      [
        ['link', 'https://x.io/a', 'the doc'],
        ['link', 'https://x.io/b'],
      ],
    ],
    ['<#C123|late-delivery>', ['#late-delivery']],
    ['<!here> a<b c>', ['<!here>', 'a<b', 'c>']],
    [
      'owner:<@U1|Ana Lima> due:friday',
      [
        ['owner', '<@U1|Ana Lima>'],
        ['due', 'friday'],
      ],
    ],
    ['مرحبا بالعالم 🚚 👩‍👩‍👧', ['مرحبا', 'بالعالم', '🚚', '👩‍👩‍👧']],
    ['\u00a0nbsp\u3000ideographic', ['nbsp', 'ideographic']],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('records spans into the text', () => {
    const [first, second] = tokens('cost:12  "a b"');
    expect(first).toMatchObject({ start: 0, end: 7, raw: 'cost:12' });
    expect(second).toMatchObject({ start: 9, end: 14, raw: '"a b"' });
  });

  it.each(['"never closed', "it is 'open", 'customer:"Acme', '#"theme', '"ends with \\"'])(
    'reports an unterminated quote in %s',
    (text) => {
      const result = tokenize(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe('unterminated-quote');
        expect(result.message).toMatch(/never closed/);
      }
    },
  );

  it('rejects theme tokens with punctuation inside', () => {
    const result = tokenize('#late.delivery');
    expect(result).toMatchObject({ ok: false, code: 'invalid-value' });
    if (!result.ok) expect(result.message).toContain('#late.delivery');
  });
});

describe('cleanInput', () => {
  it('strips control characters and zero-width junk but keeps tabs, newlines and ZWJ', () => {
    expect(cleanInput('a\u0000b\u0007c\u001b[0m\u007f\u0085\u200b\ufeff d\te\nf👩‍👧')).toBe(
      'abc[0m d\te\nf👩‍👧',
    );
  });
});

describe('splitHead', () => {
  it('keeps the rest verbatim', () => {
    expect(splitHead('  comment  A-7   it\'s "x"  ', 2)).toEqual({
      head: ['comment', 'A-7'],
      rest: 'it\'s "x"',
    });
    expect(splitHead('one', 3)).toEqual({ head: ['one'], rest: '' });
  });
});
