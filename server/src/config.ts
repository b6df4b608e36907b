/**
 * The one place the environment is read. Every problem is collected and
 * reported at once, so a misconfigured deployment fails at boot with a list.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; null runs on embedded PGlite. */
  databaseUrl: string | null;
  dataDir: string;
  dbPoolMax: number;
  /** `auto`: seed an empty embedded database; `on`: seed any empty database; `off`: never. */
  demo: 'auto' | 'on' | 'off';
  publicUrl: string | null;
  /** Extra origins allowed to open websockets and send cookie-authenticated requests. */
  allowedOrigins: string[];
  signup: 'open' | 'invite';
  sessionIdleHours: number;
  sessionMaxDays: number;
  trustProxy: boolean;
  logLevel: string;
  migrationsDir: string;
  clientDir: string;
  /** Login attempts per window per e-mail address (an IP address may make five times as many). */
  loginRateLimit: number;
  /** Sign-ups per window per IP address. */
  signupRateLimit: number;
  rateLimitWindowSeconds: number;
  /** Outgoing e-mail; null (no SMTP_URL or SMTP_HOST) sends none. */
  smtp: SmtpConfig | null;
  /** Outgoing webhooks and chat hooks may target private, loopback and link-local addresses (OPSBOARD_WEBHOOKS_ALLOW_PRIVATE=1). */
  webhooksAllowPrivate: boolean;
}

export interface SmtpConfig {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's URL form). */
  url: string;
  /** The From: address, e.g. "opsboard <ops@example.com>". */
  from: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The repository (or image) root: the first ancestor holding migrations/meta/_journal.json. */
export function findRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the migrations folder above ${from}`);
    dir = parent;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${values.join(', ')} (got "${raw}")`);
    return fallback;
  };
  const url = (name: string): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    try {
      new URL(raw);
      return raw;
    } catch {
      problems.push(`${name} must be a URL (got "${raw}")`);
      return null;
    }
  };

  const databaseUrl = url('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:/.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const publicUrl = url('OPSBOARD_PUBLIC_URL');
  const allowedOrigins: string[] = [];
  for (const origin of (env.OPSBOARD_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      allowedOrigins.push(new URL(origin).origin);
    } catch {
      problems.push(`OPSBOARD_ALLOWED_ORIGINS has an entry that is not a URL: "${origin}"`);
    }
  }
  if (publicUrl) allowedOrigins.push(new URL(publicUrl).origin);

  let root = '';
  try {
    root = findRoot();
  } catch (err) {
    if (!env.OPSBOARD_MIGRATIONS_DIR) problems.push((err as Error).message);
  }

  let smtp: SmtpConfig | null = null;
  const smtpUrl = url('SMTP_URL');
  if (smtpUrl && !/^smtps?:/.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  const smtpHost = env.SMTP_HOST?.trim();
  if (smtpUrl || smtpHost) {
    let u = smtpUrl;
    if (!u && smtpHost) {
      const secure = env.SMTP_SECURE === 'true' || env.SMTP_SECURE === '1';
      const port = int('SMTP_PORT', secure ? 465 : 587, 1, 65535);
      const user = env.SMTP_USER ? `${encodeURIComponent(env.SMTP_USER)}${env.SMTP_PASS ? `:${encodeURIComponent(env.SMTP_PASS)}` : ''}@` : '';
      u = `${secure ? 'smtps' : 'smtp'}://${user}${smtpHost}:${port}`;
    }
    const from = env.SMTP_FROM?.trim();
    if (!from) problems.push('SMTP_FROM must be set when SMTP_URL or SMTP_HOST is (e.g. "opsboard <ops@example.com>")');
    if (u && from) smtp = { url: u, from };
  }

  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.OPSBOARD_DATA_DIR || 'data'),
    dbPoolMax: int('OPSBOARD_DB_POOL_MAX', 10, 1, 500),
    demo: oneOf('OPSBOARD_DEMO', ['auto', 'on', 'off'] as const, 'auto'),
    publicUrl,
    allowedOrigins,
    signup: oneOf('OPSBOARD_SIGNUP', ['open', 'invite'] as const, 'open'),
    sessionIdleHours: int('OPSBOARD_SESSION_IDLE_HOURS', 72, 1, 24 * 90),
    sessionMaxDays: int('OPSBOARD_SESSION_MAX_DAYS', 30, 1, 365),
    trustProxy: oneOf('OPSBOARD_TRUST_PROXY', ['true', 'false'] as const, 'false') === 'true',
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    migrationsDir: env.OPSBOARD_MIGRATIONS_DIR || path.join(root, 'migrations'),
    clientDir: env.OPSBOARD_CLIENT_DIR || path.join(root, 'client', 'dist'),
    loginRateLimit: int('OPSBOARD_LOGIN_RATE_LIMIT', 10, 1, 100_000),
    signupRateLimit: int('OPSBOARD_SIGNUP_RATE_LIMIT', 20, 1, 100_000),
    rateLimitWindowSeconds: int('OPSBOARD_RATE_LIMIT_WINDOW_SECONDS', 300, 1, 86_400),
    smtp,
    webhooksAllowPrivate: oneOf('OPSBOARD_WEBHOOKS_ALLOW_PRIVATE', ['0', '1'] as const, '0') === '1',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Defaults for tests and tools that build an app without an environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({});
  return { ...base, logLevel: 'silent', demo: 'off', ...overrides };
}
