import { toCsv, type Cell } from './csv';

/** Downloads one chart's numbers as a CSV file. */
export function CsvButton({ name, columns, rows }: { name: string; columns: readonly string[]; rows: readonly (readonly Cell[])[] }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="button button--small" onClick={download} data-testid={`csv-${name}`}>
      Export CSV
    </button>
  );
}
