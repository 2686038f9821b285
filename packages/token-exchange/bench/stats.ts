/** Median, 10th and 90th percentile of the per-round ratios. */
export interface RatioSummary {
  median: number;
  p10: number;
  p90: number;
}

/** Returns the median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Returns the given quantile (0 to 1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

export function formatRatio(ratio: number): string {
  return ratio.toFixed(3);
}

/** Formats a summary as Markdown table cells: median, p10, p90. */
export function formatRatioCells(summary: RatioSummary): string {
  return `${formatRatio(summary.median)} | ${formatRatio(summary.p10)} | ${formatRatio(summary.p90)}`;
}
