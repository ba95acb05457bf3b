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
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < rows; i++) {
    // A skewed theme distribution, so a Pareto has a real vital few.
    const theme = Math.floor((rand(1000) / 1000) ** 3 * themes);
    const line = `2024/${1 + rand(12)}/${1 + rand(28)},${PRODUCTS[rand(PRODUCTS.length)]},Theme ${theme},${COMPANIES[rand(COMPANIES.length)]},"Customer said, ""it broke"" on day ${i}",${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};
