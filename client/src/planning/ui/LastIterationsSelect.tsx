/** "Last [N iterations]": how far back a planning figure looks. */
export function LastIterationsSelect({ value, choices, onChange }: { value: number; choices: readonly number[]; onChange: (last: number) => void }) {
  return (
    <label className="inline-field">
      Last
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {n} iterations
          </option>
        ))}
      </select>
    </label>
  );
}
