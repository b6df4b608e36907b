CREATE TABLE "postmortem_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"impact" text DEFAULT '' NOT NULL,
	"timeline" jsonb NOT NULL,
	"contributing_factors" text DEFAULT '' NOT NULL,
	"went_well" text DEFAULT '' NOT NULL,
	"firing_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"time_to_resolve_seconds" integer,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retro_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"retro_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"theme_id" uuid,
	"card_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retro_checkins" (
	"retro_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"morale" integer NOT NULL,
	"mood" text,
	CONSTRAINT "retro_checkins_retro_id_user_id_pk" PRIMARY KEY("retro_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "retro_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"retro_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"quadrant" text NOT NULL,
	"text" text NOT NULL,
	"theme_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retro_themes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"retro_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retro_votes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"retro_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retros" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"iteration_id" uuid,
	"title" text NOT NULL,
	"phase" text NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"votes_per_person" integer NOT NULL,
	"timer_ends_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "postmortem_actions" ADD CONSTRAINT "postmortem_actions_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_actions" ADD CONSTRAINT "postmortem_actions_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_actions" ADD CONSTRAINT "retro_actions_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_actions" ADD CONSTRAINT "retro_actions_theme_id_retro_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."retro_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_actions" ADD CONSTRAINT "retro_actions_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_checkins" ADD CONSTRAINT "retro_checkins_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_notes" ADD CONSTRAINT "retro_notes_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_notes" ADD CONSTRAINT "retro_notes_theme_id_retro_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."retro_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_themes" ADD CONSTRAINT "retro_themes_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_votes" ADD CONSTRAINT "retro_votes_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_votes" ADD CONSTRAINT "retro_votes_theme_id_retro_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."retro_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retros" ADD CONSTRAINT "retros_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retros" ADD CONSTRAINT "retros_iteration_id_iterations_id_fk" FOREIGN KEY ("iteration_id") REFERENCES "public"."iterations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "postmortem_actions_pm_idx" ON "postmortem_actions" USING btree ("postmortem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortems_card_idx" ON "postmortems" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "postmortems_team_idx" ON "postmortems" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "retro_actions_retro_idx" ON "retro_actions" USING btree ("retro_id");--> statement-breakpoint
CREATE INDEX "retro_notes_retro_idx" ON "retro_notes" USING btree ("retro_id");--> statement-breakpoint
CREATE INDEX "retro_themes_retro_idx" ON "retro_themes" USING btree ("retro_id");--> statement-breakpoint
CREATE INDEX "retro_votes_retro_idx" ON "retro_votes" USING btree ("retro_id","user_id");--> statement-breakpoint
CREATE INDEX "retros_team_idx" ON "retros" USING btree ("team_id","created_at");