// The chart port: the core asks for a chart and gets a PNG plus alt text back. Rendering
// (vega, resvg, fonts) lives in src/charts, so the core stays pure.
import type { ParetoResult } from '../analytics/pareto.js';

export interface RenderedChart {
  png: Uint8Array;
  /** The SVG the PNG was rasterised from; deterministic, so tests can snapshot it. */
  svg: string;
  /** A sentence or two for screen readers and for platforms that cannot show the image. */
  alt: string;
  /** PNG size in pixels. */
  width: number;
  height: number;
}

export interface MetricPoint {
  /** ISO date (YYYY-MM-DD) or date-time; read as UTC when it has no offset. */
  date: string;
  value: number;
}

/**
 * Async because vega evaluates its dataflow asynchronously; callers are posting a message
 * anyway, so they are async already.
 */
export interface ChartRenderer {
  paretoChart(result: ParetoResult, title: string): Promise<RenderedChart>;
  metricTrend(
    points: readonly MetricPoint[],
    target: number | null,
    title: string,
    unit: string,
  ): Promise<RenderedChart>;
}
