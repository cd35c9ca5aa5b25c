/** Text labels accepted for a binary classification target (case-insensitive, trimmed). */
const TEXT_LABELS = new Map<string, number>([
  ['0', 0],
  ['1', 1],
  ['0.0', 0],
  ['1.0', 1],
  ['false', 0],
  ['true', 1],
]);

/** 0 or 1 for a text label (`0`, `1`, `true`, `false`, …); undefined when it is not one. */
export function parseClassLabel(text: string): number | undefined {
  return TEXT_LABELS.get(text.trim().toLowerCase());
}
