/** The loop that delivers the e-mail outbox over SMTP (nodemailer), with retries and backoff. */
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../context.js';
import type { SmtpConfig } from '../../config.js';
import { claimDue, gatherDigests, markFailed, markSent, releaseClaims, type OutboxRow } from './outbox.js';

export interface EmailSenderOptions {
  /** How often to look for due rows (default 5 s). */
  pollMs?: number;
  /** How long a claim holds before another instance may take the row (default 2 min). */
  leaseMs?: number;
  /** First retry delay, doubling per attempt (default 30 s) up to maxDelayMs (default 1 h). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before a row is marked failed (default 10). */
  maxAttempts?: number;
  batch?: number;
}

export interface Mailer {
  send(row: OutboxRow): Promise<void>;
  close(): void;
}

/** An SMTP mailer for the configured server; the Message-ID is the outbox row's, so a receiver can tell repeats. */
export function smtpMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport(smtp.url, { from: smtp.from });
  const host = (() => {
    const at = smtp.from.match(/@([^>\s]+)/);
    return at?.[1] ?? 'opsboard.invalid';
  })();
  return {
    send: async (row) => {
      await transport.sendMail({
        from: smtp.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        messageId: `<${row.id}@${host}>`,
        headers: { 'X-Opsboard-Kind': row.kind },
      });
    },
    close: () => transport.close(),
  };
}

export class EmailSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private readonly o: Required<EmailSenderOptions>;

  constructor(
    private readonly deps: Pick<AppDeps, 'database' | 'clock' | 'newId' | 'instanceId'>,
    private readonly mailer: Mailer,
    private readonly log: FastifyBaseLogger,
    options: EmailSenderOptions = {},
  ) {
    this.o = { pollMs: 5000, leaseMs: 120_000, baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10, batch: 20, ...options };
  }

  start(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((err: unknown) => this.log.warn({ err }, 'e-mail outbox pass failed; will retry'))
        .finally(() => {
          this.running = null;
          this.schedule(this.o.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** One pass: gather due digests, then claim and send due rows until none are left. */
  async pass(): Promise<number> {
    let sent = 0;
    await gatherDigests(this.deps.database, this.deps.clock(), this.deps.newId);
    while (!this.stopped) {
      const now = this.deps.clock();
      const rows = await claimDue(this.deps.database, this.deps.instanceId, now, new Date(now.getTime() + this.o.leaseMs), this.o.batch);
      if (rows.length === 0) break;
      for (const row of rows) {
        // Rows claimed but not tried when stopping are released by stop().
        if (this.stopped) break;
        try {
          await this.mailer.send(row);
          await markSent(this.deps.database.db, row.id, this.deps.instanceId, this.deps.clock());
          sent++;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.log.warn({ err, outboxId: row.id, attempts: row.attempts + 1 }, 'e-mail delivery failed; will retry');
          await markFailed(this.deps.database.db, row, this.deps.instanceId, this.deps.clock(), message, { maxAttempts: this.o.maxAttempts, baseMs: this.o.baseDelayMs, maxMs: this.o.maxDelayMs });
        }
      }
    }
    return sent;
  }

  /** Stops polling and waits for the message in flight (never cut mid-send, so it is marked sent). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await releaseClaims(this.deps.database.db, this.deps.instanceId);
    this.mailer.close();
  }
}
