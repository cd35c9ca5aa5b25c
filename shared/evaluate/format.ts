/** Numbers in decision reasons: four significant digits, a real minus sign, no exponent for everyday sizes. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'undefined';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text = magnitude < 1e-4 || magnitude >= 1e9 ? magnitude.toExponential(3) : String(Number(magnitude.toPrecision(4)));
  return value < 0 ? `−${text}` : text;
}

/** `+0.012` / `−0.004`: a delta always shows its sign. */
export function formatDelta(value: number): string {
  return value > 0 ? `+${formatValue(value)}` : formatValue(value);
}

/** `95%`. */
export function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`;
}

/** `1,234`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * `value > limit`, ignoring rounding noise: 0.80 - 0.78 is 0.0200000000000000018
 * in binary, which must not break a limit of 0.02.
 */
export function exceeds(value: number, limit: number): boolean {
  return value > limit + 1e-12 * Math.max(1, Math.abs(limit));
}
