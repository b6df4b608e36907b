/** Chart data as CSV: RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
export type Cell = string | number | null;

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (v: Cell) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
