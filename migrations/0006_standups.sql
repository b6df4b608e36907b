CREATE TABLE "standups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"board_ids" uuid[] NOT NULL,
	"mode" text NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"limit_seconds" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"focus" jsonb,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "standups" ADD CONSTRAINT "standups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "standups_team_idx" ON "standups" USING btree ("team_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "standups_team_live_idx" ON "standups" USING btree ("team_id") WHERE ended_at IS NULL;