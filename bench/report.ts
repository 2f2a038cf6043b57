/** One printed line of `npm run bench`. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What the figure is held against, e.g. "< 5000 ms (seed)". */
  target?: string;
  /** For ratios: the baseline it was divided by. */
  note?: string;
}

export type BenchSection = { title: string; run: () => Promise<BenchRow[]> };

/** Whole numbers from 100 up, two decimals from 1, three significant digits below (0.0123 ms). */
function formatValue(row: BenchRow): string {
  if (row.unit === '×') return row.value.toFixed(2);
  const size = Math.abs(row.value);
  if (size >= 100) return row.value.toFixed(0);
  if (size >= 1 || size === 0) return row.value.toFixed(2);
  return row.value.toPrecision(3);
}

/** A section as an aligned table: name, value, unit, then target and note when given. */
export function formatRows(title: string, rows: BenchRow[]): string {
  const width = Math.max(58, ...rows.map((row) => row.name.length));
  const lines = rows.map((row) => {
    const target = row.target ? `  target ${row.target}` : '';
    const note = row.note ? `  (${row.note})` : '';
    return `  ${row.name.padEnd(width)} ${formatValue(row).padStart(10)} ${row.unit.padEnd(6)}${target}${note}`;
  });
  return `\n${title}\n${lines.join('\n')}`;
}
