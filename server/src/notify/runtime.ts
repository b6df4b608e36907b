/** The background work of notifications on one instance: the e-mail outbox sender (when SMTP is configured). */
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../context.js';
import { EmailSender, smtpMailer, type EmailSenderOptions } from './email/sender.js';

export interface NotifyRuntimeOptions {
  email?: EmailSenderOptions;
}

export interface NotifyRuntime {
  start(): void;
  stop(): Promise<void>;
  email: EmailSender | null;
}

export function notifyRuntime(deps: AppDeps, log: FastifyBaseLogger, options: NotifyRuntimeOptions = {}): NotifyRuntime {
  const email = deps.config.smtp ? new EmailSender(deps, smtpMailer(deps.config.smtp), log, options.email) : null;
  return {
    email,
    start: () => email?.start(),
    stop: async () => {
      await email?.stop();
    },
  };
}
