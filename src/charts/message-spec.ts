// A chart-sized card with a title and one centred line, for when there is nothing to plot:
// the digest keeps its layout and the reader sees why the chart is empty.
import type { TopLevelSpec } from 'vega-lite';
import { FONT_SIZE, PALETTE, specFrame } from './chart-theme.js';

export function messageSpec(title: string, subtitle: string, message: string): TopLevelSpec {
  return {
    ...specFrame(title, subtitle),
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
