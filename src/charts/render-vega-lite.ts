// vega-lite spec → vega view (headless, no DOM) → SVG string → PNG via resvg. Text is
// measured and drawn with the bundled font only, so the output is byte-identical everywhere.
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartFonts } from './chart-fonts.js';
import type { FontMetrics } from './font-metrics.js';

export interface RasterisedChart {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

// vega exports textMetrics for exactly this (vl-convert replaces it too); vega-typings omit it.
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}
interface TextMetricsHook {
  width: (item: TextItem, text: unknown) => number;
}
const textMetrics = (vega as unknown as { textMetrics: TextMetricsHook }).textMetrics;

const isBold = (weight: string | number | undefined): boolean =>
  weight === 'bold' || weight === 'bolder' || (Number(weight) || 400) >= 600;

let installedFor: ChartFonts | undefined;

/**
 * Points vega's text measurement at the bundled font's advance widths. Vega keeps one
 * global measurer, so this swaps it once per process (per font set).
 */
function installTextMetrics(fonts: ChartFonts): void {
  if (installedFor === fonts) return;
  textMetrics.width = (item, text) => {
    const font: FontMetrics = isBold(item.fontWeight) ? fonts.semibold : fonts.regular;
    const size = item.fontSize ?? 11;
    return size > 0 ? font.width(String(text ?? '').trim(), size) : 0;
  };
  installedFor = fonts;
}

// Clip and gradient ids come from module-level counters in vega. Renders run one at a time,
// each resetting the counters, so an SVG never depends on what rendered alongside it; the
// work is CPU-bound, so queueing costs nothing.
let queue: Promise<unknown> = Promise.resolve();

export function renderVegaLite(
  spec: TopLevelSpec,
  fonts: ChartFonts,
  scale: number,
): Promise<RasterisedChart> {
  const run = queue.then(() => renderNow(spec, fonts, scale));
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow(
  spec: TopLevelSpec,
  fonts: ChartFonts,
  scale: number,
): Promise<RasterisedChart> {
  installTextMetrics(fonts);
  const runtime = vega.parse(compile(spec).spec);
  // Specs carry their data inline and name no URL, so vega's loader never runs: no network.
  const view = new vega.View(runtime, { renderer: 'none', logLevel: vega.Warn });
  vega.resetSVGDefIds();
  try {
    const svg = await view.toSVG();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family },
      shapeRendering: 2,
      textRendering: 1,
    });
    const image = resvg.render();
    return { svg, png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
  } finally {
    view.finalize();
  }
}
