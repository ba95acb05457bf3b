// The bundled font files, found relative to this module so the same code works from
// src/ (tsx, vitest) and from dist/src/ (the build), whatever the working directory.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FontMetrics } from './font-metrics.js';

export const CHART_FONT_FAMILY = 'Inter';

const REGULAR_FILE = 'Inter-Regular.ttf';
const SEMIBOLD_FILE = 'Inter-SemiBold.ttf';

export interface ChartFonts {
  family: string;
  dir: string;
  /** Absolute paths of the TTF files, for resvg. */
  files: string[];
  regular: FontMetrics;
  semibold: FontMetrics;
}

// src/charts → ../../assets, dist/src/charts → ../../../assets.
const CANDIDATE_DIRS = ['../../assets/fonts/', '../../../assets/fonts/'];

/** The directory holding the bundled fonts; throws with the places it looked. */
export function findFontDir(): string {
  const tried: string[] = [];
  for (const relative of CANDIDATE_DIRS) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, REGULAR_FILE))) return dir;
    tried.push(dir);
  }
  throw new Error(`Chart fonts not found; looked in ${tried.join(', ')}.`);
}

let cached: ChartFonts | undefined;

/** Loads (once per process) the bundled Inter regular and semibold faces. */
export function loadChartFonts(fontDir: string = findFontDir()): ChartFonts {
  if (cached?.dir === fontDir) return cached;
  const regularPath = join(fontDir, REGULAR_FILE);
  const semiboldPath = join(fontDir, SEMIBOLD_FILE);
  cached = {
    family: CHART_FONT_FAMILY,
    dir: fontDir,
    files: [regularPath, semiboldPath],
    regular: new FontMetrics(readFileSync(regularPath)),
    semibold: new FontMetrics(readFileSync(semiboldPath)),
  };
  return cached;
}
