/** A maturity radar: the fifteen vectors around a circle, 0 in the middle and 5 at the rim. */
import { MATURITY_VECTORS, type VectorScoresWithNotes } from '@opsboard/shared';
import { VECTOR_SHORT, vectorLabel } from './model';

const SIZE = 320;
const C = SIZE / 2;
const R = 118;

function point(i: number, value: number): [number, number] {
  const angle = (Math.PI * 2 * i) / MATURITY_VECTORS.length - Math.PI / 2;
  return [C + Math.cos(angle) * (R * value) / 5, C + Math.sin(angle) * (R * value) / 5];
}

export function Radar({ scores, previous, name }: { scores: VectorScoresWithNotes; previous?: VectorScoresWithNotes | null; name: string }) {
  const shape = (s: VectorScoresWithNotes) => MATURITY_VECTORS.map((v, i) => point(i, s[v]?.score ?? 0).join(',')).join(' ');
  const summary = MATURITY_VECTORS.map((v) => `${vectorLabel(v)} ${scores[v]?.score ?? 'not scored'}`).join(', ');
  return (
    <figure className="radar" data-testid="maturity-radar">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Maturity radar of ${name}: ${summary}`}>
        {[1, 2, 3, 4, 5].map((ring) => (
          <polygon key={ring} className="radar__ring" points={MATURITY_VECTORS.map((_, i) => point(i, ring).join(',')).join(' ')} />
        ))}
        {MATURITY_VECTORS.map((v, i) => {
          const [x, y] = point(i, 5);
          const [lx, ly] = point(i, 5.9);
          return (
            <g key={v}>
              <line className="radar__spoke" x1={C} y1={C} x2={x} y2={y} />
              <text className="radar__label" x={lx} y={ly} textAnchor="middle" dominantBaseline="middle">
                <title>{vectorLabel(v)}</title>
                {VECTOR_SHORT[v]}
              </text>
            </g>
          );
        })}
        {previous && <polygon className="radar__shape radar__shape--previous" points={shape(previous)} />}
        <polygon className="radar__shape" points={shape(scores)} />
        {MATURITY_VECTORS.map((v, i) => {
          const s = scores[v];
          if (!s) return null;
          const [x, y] = point(i, s.score);
          return (
            <circle key={v} className="radar__dot" cx={x} cy={y} r={3.5}>
              <title>{`${vectorLabel(v)}: ${s.score}${s.note ? ` · ${s.note}` : ''}`}</title>
            </circle>
          );
        })}
      </svg>
      {previous && (
        <figcaption className="radar__legend">
          <span className="radar__key" /> Latest <span className="radar__key radar__key--previous" /> Previous assessment
        </figcaption>
      )}
    </figure>
  );
}
