// Builders shared by the chart tests: theme totals, the CFPB sample result and a PNG reader.
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import {
  pareto,
  type ParetoMeasure,
  type ParetoResult,
} from '../../../src/core/analytics/pareto.js';
import type { ThemeTotals } from '../../../src/core/domain/types.js';

export function themeTotals(
  name: string,
  count: number,
  extra: Partial<ThemeTotals> = {},
): ThemeTotals {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    themeId: `id-${slug}-${count}`,
    slug,
    name,
    keyDriverId: null,
    count,
    customerCostCents: 0,
    companyCostCents: 0,
    affectedRevenueCents: 0,
    affectedCustomers: 0,
    ...extra,
  };
}

interface CountsFixture {
  counts: Array<{ name: string; count: number }>;
}

export function cfpbTotals(): ThemeTotals[] {
  const url = new URL('../../fixtures/golden/cfpb-issue-counts.json', import.meta.url);
  const fixture = JSON.parse(readFileSync(url, 'utf8')) as CountsFixture;
  return fixture.counts.map((c) => themeTotals(c.name, c.count));
}

export const cfpbResult = (measure: ParetoMeasure = 'count'): ParetoResult =>
  pareto(cfpbTotals(), measure);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface DecodedPng {
  signatureOk: boolean;
  /** Width and height as the IHDR chunk declares them. */
  ihdr: { width: number; height: number };
  /** Width and height after a full decode (zlib and CRCs checked by pngjs). */
  decoded: { width: number; height: number };
}

export function decodePng(png: Uint8Array): DecodedPng {
  const buffer = Buffer.from(png);
  const signatureOk = PNG_SIGNATURE.every((byte, i) => buffer[i] === byte);
  // IHDR is always the first chunk: length(4) type(4) width(4) height(4) from byte 8.
  const ihdr = { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
  const image = PNG.sync.read(buffer);
  return { signatureOk, ihdr, decoded: { width: image.width, height: image.height } };
}
