ALTER TABLE "mutations" ADD COLUMN "method" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "route" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "request_hash" text DEFAULT '' NOT NULL;