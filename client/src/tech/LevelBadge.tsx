import { LEVEL_TEXT } from '@opsboard/shared';

/** The maturity level 0–5 as a coloured chip; the seed's words for the level are its tooltip. */
export function LevelBadge({ level, overridden = false }: { level: number | null; overridden?: boolean }) {
  if (level === null) return <span className="level-badge level-badge--none">Not assessed</span>;
  return (
    <span className={`level-badge level-badge--${level}`} title={LEVEL_TEXT[level]}>
      Level {level}
      {overridden && <span className="level-badge__mark"> (set by hand)</span>}
    </span>
  );
}

/** Interrupts per week as a tiny bar strip. */
export function WeekBars({ weekly, label }: { weekly: readonly { week: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...weekly.map((w) => w.count));
  const total = weekly.reduce((a, w) => a + w.count, 0);
  return (
    <span className="week-bars" role="img" aria-label={`${label}: ${total} interrupts in ${weekly.length} weeks`}>
      {weekly.map((w) => (
        <span key={w.week} className="week-bars__bar" style={{ height: `${(w.count / max) * 100}%` }} title={`Week of ${w.week}: ${w.count}`} />
      ))}
    </span>
  );
}
