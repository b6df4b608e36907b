/** Points done of total as a bar with the numbers beside it (the numbers carry the meaning; the bar helps the eye). */
export function ProgressBar({ done, total, label, size = 'md' }: { done: number; total: number; label: string; size?: 'sm' | 'md' }) {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const percent = Math.round(ratio * 100);
  return (
    <div className={`progress progress--${size}`}>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${round(done)} of ${round(total)} points done (${percent}%)`}>
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {round(done)} / {round(total)} pts
        <span className="progress__percent"> · {percent}%</span>
      </span>
    </div>
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
