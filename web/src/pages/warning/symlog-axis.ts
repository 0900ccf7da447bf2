/** 1, 3, 10, 30, … (for steps [1, 3]) from 1 up to and including the first value at or above `max`. */
const stepSeries = (steps: number[], max: number): number[] => {
  const values: number[] = [];
  for (let decade = 1; ; decade *= 10)
    for (const step of steps) {
      values.push(step * decade);
      if (step * decade >= max) return values;
    }
};

/**
 * Domain and ticks for the symlog deaths axis: 1, 2, 5, 10, … or 1, 3, 10, 30, … or whole decades, the
 * finest that stays within ten ticks. The top tick is the first at or above the largest value, so the
 * highest values are labelled; the axis starts at 0 only when the values come near 0, otherwise at the
 * tick below the smallest value, so a country with 650 to 5,900 deaths a month does not spend most of the
 * chart's height on an empty 0–100. Plot's own symlog ticks crowd at the top of the range.
 */
export const symlogAxis = (min: number, max: number): { domain: [number, number]; ticks: number[] } => {
  const top = Math.max(1, max);
  const candidates = [[1, 2, 5], [1, 3], [1]].map((steps) => {
    const series = stepSeries(steps, top);
    const bottom = min >= 1 ? (series.filter((v) => v <= min).at(-1) ?? 0) : 0;
    const ticks = [...(bottom === 0 ? [0] : []), ...series.filter((v) => v >= bottom)];
    return { domain: [bottom, series.at(-1) ?? top] as [number, number], ticks };
  });
  return (
    candidates.find((axis) => axis.ticks.length <= 10) ?? (candidates.at(-1) as (typeof candidates)[number])
  );
};
