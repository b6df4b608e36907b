/** Reads the configuration, opens the database, applies migrations, seeds the demo if asked, and listens. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { buildApp } from './app.js';
import { argon2Hasher } from './auth/passwords.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { randomId, systemClock, type AppDeps } from './context.js';
import { connectPostgres, openPglite, type Database } from './db/database.js';
import { seedDemoIfEmpty, type DemoLogin } from './seed/demo.js';

async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    return connectPostgres({
      url: config.databaseUrl,
      poolMax: config.dbPoolMax,
      onPoolError: (err) => console.error(`database connection error (the pool reconnects): ${err.message}`),
    });
  }
  return openPglite({ dataDir: config.dataDir });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const started = Date.now();
  const database = await openDatabase(config);
  await database.migrate(config.migrationsDir);
  const deps: AppDeps = {
    config,
    database,
    clock: systemClock,
    newId: randomId,
    hasher: argon2Hasher,
    instanceId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
  };

  let demo: DemoLogin | null = null;
  const seedWanted = config.demo === 'on' || (config.demo === 'auto' && database.kind === 'pglite');
  if (seedWanted) demo = await seedDemoIfEmpty(deps);

  const { app } = await buildApp(deps, { demoLogin: () => (demo ? { email: demo.email, password: demo.password } : null) });
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping opsboard…`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  // Fastify logs a JSON line per network interface on listen; the banner below says the same in words.
  const level = app.log.level;
  if (level === 'info') app.log.level = 'warn';
  const address = await app.listen({ port: config.port, host: config.host }).finally(() => {
    app.log.level = level;
  });
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const shown = everywhere ? `http://localhost:${new URL(address).port}` : address;
  const storage = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\nopsboard is running at ${shown} (${storage}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (demo) {
    console.log(`Demo login: ${demo.email} / ${demo.password}  (the five demo people share this password)`);
    if (demo.alertmanager) {
      console.log(`Demo Alertmanager hook: POST ${shown}${demo.alertmanager.path} with "Authorization: Bearer ${demo.alertmanager.secret}"`);
    }
    console.log('');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
