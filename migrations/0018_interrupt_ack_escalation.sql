ALTER TABLE "interrupts" ADD COLUMN "ack_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "interrupts" ADD COLUMN "ack_escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "interrupts" ADD COLUMN "ack_escalated_to" uuid[];--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "ack_timeout_minutes" integer DEFAULT 15;--> statement-breakpoint
CREATE INDEX "interrupts_ack_waiting_idx" ON "interrupts" USING btree ("received_at") WHERE "interrupts"."severity" = 'critical' AND "interrupts"."status" = 'untriaged' AND "interrupts"."ack_level" < 2;--> statement-breakpoint
-- Interrupts already waiting at the upgrade do not all escalate at once: escalation starts with those that arrive from now on.
UPDATE "interrupts" SET "ack_level" = 2 WHERE "severity" = 'critical' AND "status" = 'untriaged';
