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

export function formatRows(title: string, rows: BenchRow[]): string {
  const lines = rows.map((row) => {
    const value = row.unit === '×' ? row.value.toFixed(2) : row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(2);
    const target = row.target ? `  target ${row.target}` : '';
    const note = row.note ? `  (${row.note})` : '';
    return `  ${row.name.padEnd(58)} ${value.padStart(10)} ${row.unit.padEnd(6)}${target}${note}`;
  });
  return `\n${title}\n${lines.join('\n')}`;
}
