// Shared look of every chart: sizes, palette and the vega-lite config. Sizes are in CSS
// pixels; the PNG is rendered at CHART_SCALE so it stays sharp when Slack or Teams zoom it.
import type { Config } from 'vega-lite';
import { CHART_FONT_FAMILY } from './chart-fonts.js';

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 500;
export const CHART_SCALE = 2;

export const PALETTE = {
  vital: '#2b59c3',
  useful: '#b7c3d6',
  other: '#dfe4ec',
  cumulative: '#d9480f',
  guide: '#868e96',
  trend: '#2b59c3',
  target: '#2f9e44',
  text: '#212529',
  muted: '#5c6370',
  grid: '#e9ecef',
  domain: '#ced4da',
} as const;

export const FONT_SIZE = {
  title: 18,
  subtitle: 13,
  axisLabel: 12,
  axisTitle: 12,
  annotation: 11,
} as const;

export const SEMIBOLD = 600;

export const chartConfig: Config = {
  font: CHART_FONT_FAMILY,
  // Accessibility attributes would only bloat the SVG: the PNG carries the alt text.
  aria: false,
  background: '#ffffff',
  padding: { top: 16, right: 20, bottom: 12, left: 16 },
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: FONT_SIZE.title,
    fontWeight: SEMIBOLD,
    color: PALETTE.text,
    subtitleFontSize: FONT_SIZE.subtitle,
    subtitleColor: PALETTE.muted,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFontSize: FONT_SIZE.axisLabel,
    labelColor: PALETTE.muted,
    titleFontSize: FONT_SIZE.axisTitle,
    titleFontWeight: SEMIBOLD,
    titleColor: PALETTE.muted,
    gridColor: PALETTE.grid,
    domainColor: PALETTE.domain,
    tickColor: PALETTE.domain,
  },
  legend: {
    labelFontSize: FONT_SIZE.axisLabel,
    labelColor: PALETTE.text,
    symbolSize: 120,
  },
};

/** What every chart spec starts with: schema, fixed size, our theme and a titled card. */
export const specFrame = (title: string, subtitle: string) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
  autosize: { type: 'fit' as const, contains: 'padding' as const },
  config: chartConfig,
  title: { text: title, subtitle },
});
