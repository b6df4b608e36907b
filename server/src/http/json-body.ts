/**
 * Request-body rules Fastify does not enforce by default (PITFALLS 7): NUL
 * characters and lone UTF-16 surrogates are refused in every string and key,
 * and nesting is capped before JSON.parse ever sees the text.
 */

export const MAX_JSON_DEPTH = 24;

export interface BodyProblem {
  code: 'invalid_json' | 'validation_failed';
  message: string;
  field?: string;
}

/** Deepest bracket nesting in raw JSON text, ignoring brackets inside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

function badString(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (!s.isWellFormed()) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}

function fieldName(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(body)' : out;
}

/** Walks a parsed value without recursion and reports the first bad string with its path. */
export function findBadString(value: unknown): BodyProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const why = badString(v);
      if (why) return { code: 'validation_failed', message: `${fieldName(path)} ${why}`, field: fieldName(path) };
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const why = badString(key);
        if (why) return { code: 'validation_failed', message: `a key in ${fieldName(path)} ${why}`, field: fieldName(path) };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; problem: BodyProblem };

export function parseJsonBody(text: string): ParsedBody {
  if (text.trim() === '') return { ok: true, value: undefined };
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, problem: { code: 'invalid_json', message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: { code: 'invalid_json', message: `Malformed JSON: ${(err as Error).message}` } };
  }
  const bad = findBadString(value);
  return bad ? { ok: false, problem: bad } : { ok: true, value };
}
