// A chart-sized card with a title and one centred line, for when there is nothing to plot:
// the digest keeps its layout and the reader sees why the chart is empty.
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, CHART_HEIGHT, CHART_WIDTH, FONT_SIZE, PALETTE } from './chart-theme.js';

export function messageSpec(title: string, subtitle: string, message: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    config: chartConfig,
    title: { text: title, subtitle },
    data: { values: [{ message }] },
    mark: {
      type: 'text',
      x: { expr: 'width / 2' },
      y: { expr: 'height / 2' },
      align: 'center',
      baseline: 'middle',
      fontSize: FONT_SIZE.subtitle + 3,
      color: PALETTE.muted,
    },
    encoding: { text: { field: 'message' } },
  };
}
