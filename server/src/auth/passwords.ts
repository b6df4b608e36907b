import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX, PASSWORD_MIN } from '@opsboard/shared';
import type { PasswordHasher } from '../context.js';

/** argon2id with the library defaults (m=19456 KiB, t=2, p=1: OWASP's minimum), off the event loop. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: (hashed, password) => verify(hashed, password).catch(() => false),
};

let common: Set<string> | null = null;
/** The ~49,000 most common passwords (zxcvbn's list), loaded on first use. */
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const list = require('@zxcvbn-ts/language-common/src/passwords.json') as string[];
    common = new Set(list.filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()));
  }
  return common;
}

/** Why a password is refused, or null when it is acceptable. Long passphrases are welcome. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose another';
  if (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase()) return 'must not be your e-mail address';
  if (/^(.)\1+$/.test(password)) return 'must not be a single repeated character';
  return null;
}
