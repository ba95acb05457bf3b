// A unicode sparkline: one bar per value, scaled between the smallest and largest.
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export const sparkline = (values: readonly number[]): string => {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const span = Math.max(...finite) - min;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      // A flat series sits mid-height, so it reads as "steady", not "at the floor".
      const step = span === 0 ? 3 : Math.round(((v - min) / span) * (BARS.length - 1));
      return BARS[step] ?? '▄';
    })
    .join('');
};
