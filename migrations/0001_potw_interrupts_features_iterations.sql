CREATE TABLE "feature_pairs" (
	"feature_id" uuid NOT NULL,
	"iteration_id" uuid NOT NULL,
	"user_a" uuid NOT NULL,
	"user_b" uuid NOT NULL,
	CONSTRAINT "feature_pairs_feature_id_iteration_id_user_a_user_b_pk" PRIMARY KEY("feature_id","iteration_id","user_a","user_b")
);
--> statement-breakpoint
CREATE TABLE "features" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"customer" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"lead_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"team_id" uuid NOT NULL,
	"handoff_at" timestamp with time zone NOT NULL,
	"from_user_id" uuid,
	"to_user_id" uuid,
	"summary" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "handoffs_team_id_handoff_at_pk" PRIMARY KEY("team_id","handoff_at")
);
--> statement-breakpoint
CREATE TABLE "interrupts" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"source" text NOT NULL,
	"severity" text NOT NULL,
	"requester" text,
	"dedup_key" text,
	"webhook_id" uuid,
	"alert" jsonb,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_by_source_at" timestamp with time zone,
	"status" text NOT NULL,
	"assigned_potw_id" uuid,
	"triaged_at" timestamp with time zone,
	"triaged_by" uuid,
	"escalated_to" uuid,
	"converted_card_id" uuid,
	"duplicate_of_card_id" uuid,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "iteration_absences" (
	"iteration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"days" real NOT NULL,
	CONSTRAINT "iteration_absences_iteration_id_user_id_pk" PRIMARY KEY("iteration_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "iterations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"state" text NOT NULL,
	"points_per_person" real NOT NULL,
	"committed" jsonb,
	"committed_points" real,
	"completed_points" real,
	"carried_over" jsonb,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"card_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rotation_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rotation_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"handoff_weekday" integer NOT NULL,
	"handoff_time" text NOT NULL,
	"timezone" text NOT NULL,
	"start_index" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "points_per_person" real DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "feature_pairs" ADD CONSTRAINT "feature_pairs_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_pairs" ADD CONSTRAINT "feature_pairs_iteration_id_iterations_id_fk" FOREIGN KEY ("iteration_id") REFERENCES "public"."iterations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features" ADD CONSTRAINT "features_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interrupts" ADD CONSTRAINT "interrupts_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interrupts" ADD CONSTRAINT "interrupts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iteration_absences" ADD CONSTRAINT "iteration_absences_iteration_id_iterations_id_fk" FOREIGN KEY ("iteration_id") REFERENCES "public"."iterations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iterations" ADD CONSTRAINT "iterations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_overrides" ADD CONSTRAINT "rotation_overrides_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_versions" ADD CONSTRAINT "rotation_versions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "features_team_idx" ON "features" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "interrupts_team_status_idx" ON "interrupts" USING btree ("team_id","status","received_at");--> statement-breakpoint
CREATE INDEX "interrupts_dedup_idx" ON "interrupts" USING btree ("team_id","dedup_key");--> statement-breakpoint
CREATE INDEX "iterations_team_idx" ON "iterations" USING btree ("team_id","start_date");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "rotation_overrides_team_idx" ON "rotation_overrides" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE INDEX "rotation_versions_team_idx" ON "rotation_versions" USING btree ("team_id","effective_from");--> statement-breakpoint
CREATE INDEX "webhooks_team_idx" ON "webhooks" USING btree ("team_id");