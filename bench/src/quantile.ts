/** The value at quantile `q` of numbers sorted ascending, to 0.1 (0 when there are none). */
export function quantileOf(sorted: number[], q: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
}
