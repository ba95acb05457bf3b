// fast-check's `fc.string({ unit: 'binary' })`, without its start-up cost. The built-in unit
// maps every code point through `fc.mapToConstant`, and the first string arbitrary built on
// it turns that into a 1.1-million-entry reverse map (about 0.6 s, once per test file).
// This unit draws the same `fc.nat` and maps it the same way, so it generates the very same
// strings for a seed; it only undoes the mapping by arithmetic instead of a lookup table.
import fc from 'fast-check';

// Every code point but the surrogates (U+D800 to U+DFFF), as fast-check's full alphabet.
const SURROGATES = 0xd800;
const SURROGATE_COUNT = 0x800;
const CHOICES = 0x110000 - SURROGATE_COUNT;

const toCodePoint = (index: number): number =>
  index < SURROGATES ? index : index + SURROGATE_COUNT;

const toIndex = (value: unknown): number => {
  const code = typeof value === 'string' ? value.codePointAt(0) : undefined;
  if (code === undefined || String.fromCodePoint(code) !== value)
    throw new Error('not a single code point');
  if (code >= SURROGATES && code < SURROGATES + SURROGATE_COUNT)
    throw new Error('a lone surrogate');
  return code < SURROGATES ? code : code - SURROGATE_COUNT;
};

/** Any single code point but a surrogate, as the 'binary' unit makes them. */
export const binaryUnit: fc.Arbitrary<string> = fc
  .nat({ max: CHOICES - 1 })
  .map((index) => String.fromCodePoint(toCodePoint(index)), toIndex);

/** `fc.string({ unit: 'binary', ...constraints })`. */
export const binaryString = (constraints: Omit<fc.StringConstraints, 'unit'> = {}) =>
  fc.string({ ...constraints, unit: binaryUnit });
