/**
 * The background work of notifications on one instance: the e-mail outbox
 * sender (when SMTP is configured), the escalation-to-acknowledge sweep, and
 * the hook dispatcher and sender. Every instance runs the loop; each piece is
 * safe to run on several at once.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceDeps } from '../context.js';
import { EmailSender, smtpMailer, type EmailSenderOptions } from './email/sender.js';
import { dispatchHooks } from './hooks/dispatch.js';
import { HookSender, type HookSenderOptions } from './hooks/sender.js';

export interface NotifyRuntimeOptions {
  email?: EmailSenderOptions;
  hooks?: HookSenderOptions & { pollMs?: number };
  /**
   * Sweep for critical interrupts nobody triaged in time on each pass (default true). Tests that
   * drive the sweep themselves with a fake clock turn it off, so their counts are their own.
   */
  escalations?: boolean;
  /**
   * Sweeps run at the start of each pass, before the hook dispatch, so what they append reaches the
   * chat in the same pass. The app passes the escalation sweep here (notify does not import interrupts,
   * which imports notify to deliver).
   */
  sweeps?: readonly { name: string; run(deps: ServiceDeps): Promise<unknown> }[];
}

export interface NotifyRuntime {
  start(): void;
  /** Resolves once no hook pass is running (tests that count the pool's statements wait for it). */
  settled(): Promise<void>;
  stop(): Promise<void>;
  email: EmailSender | null;
}

export function notifyRuntime(deps: ServiceDeps, log: FastifyBaseLogger, options: NotifyRuntimeOptions = {}): NotifyRuntime {
  const email = deps.config.smtp ? new EmailSender(deps, smtpMailer(deps.config.smtp), log, options.email) : null;
  const hooks = new HookSender(deps, options.hooks);
  const pollMs = options.hooks?.pollMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const loop = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = (async () => {
        // Before the dispatch, so an escalation's event reaches the team's chat in the same pass.
        for (const sweep of options.sweeps ?? []) await sweep.run(deps).catch((err: unknown) => log.warn({ err }, `${sweep.name} sweep failed; will retry`));
        await dispatchHooks(deps);
        await hooks.pass(() => stopped);
      })()
        .catch((err: unknown) => log.warn({ err }, 'hook pass failed; will retry'))
        .finally(() => {
          running = null;
          loop(pollMs);
        });
    }, ms);
    timer.unref();
  };
  return {
    email,
    settled: async () => {
      // The first pass is scheduled at start: let it begin, then wait for it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await running;
    },
    start: () => {
      email?.start();
      loop(0);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await hooks.release().catch(() => undefined);
      await email?.stop();
    },
  };
}
