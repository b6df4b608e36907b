/** Small pure helpers for the technology screens. */
import { MATURITY_VECTORS, VECTOR_TEXT, type MaturityVector, type VectorScoresWithNotes } from '@opsboard/shared';

export const LIFECYCLE_WORDS = { evaluating: 'Evaluating', adopting: 'Adopting', core: 'Core', replacing: 'Replacing', retired: 'Retired' } as const;

/** Short column heads for the heat map (the full label is the cell's title). */
export const VECTOR_SHORT: Record<MaturityVector, string> = {
  supportability: 'Supp',
  operability: 'Oper',
  recoverability: 'Recov',
  documentation: 'Docs',
  architecture: 'Arch',
  currency: 'Curr',
  usability: 'Usab',
  automation: 'Auto',
  deployability: 'Depl',
  stability: 'Stab',
  community: 'Comm',
  maturity: 'Matu',
  easeOfUse: 'Ease',
  ubiquity: 'Ubiq',
  happiness: 'Happy',
};

export const vectorLabel = (v: MaturityVector) => VECTOR_TEXT[v].label;

/** "job=postgres, service=~"k8s.*"" → the matchers the API parses, one per comma or line (commas inside quotes stay). */
export function splitMatchers(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === '\n')) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Per vector, the lower median of everyone's revealed scores: the starting point for settling. */
export function medianScores(people: readonly { scores: VectorScoresWithNotes }[]): VectorScoresWithNotes {
  const out: VectorScoresWithNotes = {};
  for (const v of MATURITY_VECTORS) {
    const values = people.flatMap((p) => (p.scores[v] ? [p.scores[v].score] : [])).sort((a, b) => a - b);
    if (values.length > 0) out[v] = { score: values[Math.floor((values.length - 1) / 2)]!, note: '' };
  }
  return out;
}
