// ChartRenderer on vega-lite + resvg: builds a spec per chart, renders it headless and
// pairs the PNG with its alt text.
import type { ParetoResult } from '../core/analytics/pareto.js';
import type { ChartRenderer, MetricPoint, RenderedChart } from '../core/ports/chart-renderer.js';
import { paretoAltText, paretoHeadline, trendAltText } from './chart-alt-text.js';
import { loadChartFonts, type ChartFonts } from './chart-fonts.js';
import { drawableText } from './chart-labels.js';
import { CHART_SCALE } from './chart-theme.js';
import { messageSpec } from './message-spec.js';
import { paretoBars } from './pareto-bars.js';
import { paretoSpec } from './pareto-spec.js';
import { trendReadings, trendSpec } from './trend-spec.js';

// vega, vega-lite and resvg are loaded on the first chart, not at start-up: they are about
// a third of the app's idle memory and start-up time, and many instances never draw one.
let renderer: Promise<typeof import('./render-vega-lite.js')> | undefined;
const renderVegaLite: (typeof import('./render-vega-lite.js'))['renderVegaLite'] = async (
  ...args
) => (await (renderer ??= import('./render-vega-lite.js'))).renderVegaLite(...args);

export interface VegaChartRendererOptions {
  /** Directory with the bundled TTFs; found next to the package when omitted. */
  fontDir?: string;
  /** Pixel density of the PNG (2 keeps text sharp when a client zooms). */
  scale?: number;
}

export class VegaChartRenderer implements ChartRenderer {
  private readonly fonts: ChartFonts;
  private readonly scale: number;

  constructor(options: VegaChartRendererOptions = {}) {
    this.fonts = options.fontDir === undefined ? loadChartFonts() : loadChartFonts(options.fontDir);
    this.scale = options.scale ?? CHART_SCALE;
  }

  async paretoChart(result: ParetoResult, title: string): Promise<RenderedChart> {
    const bars = paretoBars(result, this.fonts.regular);
    const heading = this.heading(title);
    const subtitle = paretoHeadline(result);
    const spec =
      bars.bars.length === 0
        ? messageSpec(heading, '', subtitle)
        : paretoSpec({ result, bars: bars.bars, title: heading, subtitle });
    const rendered = await renderVegaLite(spec, this.fonts, this.scale);
    return { ...rendered, alt: paretoAltText(result, bars) };
  }

  async metricTrend(
    points: readonly MetricPoint[],
    target: number | null,
    title: string,
    unit: string,
  ): Promise<RenderedChart> {
    const readings = trendReadings(points);
    const heading = this.heading(title);
    const alt = trendAltText(readings, target, unit);
    const cleanUnit = drawableText(unit, this.fonts.regular);
    const subtitle = alt.replace(/^Metric trend chart: /, '');
    const spec =
      readings.length === 0
        ? messageSpec(heading, '', 'No readings yet')
        : trendSpec({ readings, target, title: heading, subtitle, unit: cleanUnit });
    const rendered = await renderVegaLite(spec, this.fonts, this.scale);
    return { ...rendered, alt };
  }

  /** Titles are drawn with the bundled font, so glyphs it lacks (emoji) are dropped. */
  private heading(title: string): string {
    return drawableText(title, this.fonts.semibold) || 'Chart';
  }
}
