/** A fixed-width text table for terminals; long cells are cut with an ellipsis. */
export function textTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, maxWidth = 40): string {
  const clip = (cell: string) => {
    const flat = cell.replace(/\s+/g, ' ');
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}…` : flat;
  };
  const table = [headers.map(clip), ...rows.map((row) => row.map(clip))];
  const widths = headers.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  return table
    .map((row) => row.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ').trimEnd())
    .join('\n');
}

/** Renders a value from a report for a table cell. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(6)));
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([key, count]) => `${key}: ${displayValue(count)}`).join(', ');
  return String(value);
}
