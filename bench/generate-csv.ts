// Writes a CFPB-shaped CSV of `rows` issues, deterministic for a given seed.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const PRODUCTS = [
  'Credit reporting',
  'Debt collection',
  'Mortgage',
  'Credit card',
  'Checking account',
  'Student loan',
];
const COMPANIES = Array.from({ length: 400 }, (_, i) => `Company ${i}`);

export const generateIssuesCsv = async (
  path: string,
  rows: number,
  themes = 500,
): Promise<void> => {
  const out = createWriteStream(path);
  out.write('Date received,Product,Issue,Company,Consumer complaint narrative,Complaint ID\n');
  // mulberry32: a small PRNG whose every output bit is usable. (A power-of-two LCG taken
  // modulo n repeats its low bits, which left only 117 distinct themes of 500.)
  let seed = 42;
  const uniform = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rand = (n: number): number => Math.floor(uniform() * n);
  for (let i = 0; i < rows; i++) {
    // A skewed theme distribution, so a Pareto has a real vital few.
    const theme = Math.floor(uniform() ** 3 * themes);
    const line = `2024/${1 + rand(12)}/${1 + rand(28)},${PRODUCTS[rand(PRODUCTS.length)]},Theme ${theme},${COMPANIES[rand(COMPANIES.length)]},"Customer said, ""it broke"" on day ${i}",${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};
