import { expect } from 'vitest';

/** Asserts |actual - expected| <= tolerance * |expected| (exact match when expected is 0). */
export function expectRelClose(actual: number, expected: number, tolerance: number, label = ''): void {
  if (expected === 0 || !Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const relative = Math.abs(actual - expected) / Math.abs(expected);
  expect(relative, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
