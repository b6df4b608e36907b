CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"webhook_id" uuid,
	"service" text NOT NULL,
	"version" text NOT NULL,
	"environment" text NOT NULL,
	"status" text NOT NULL,
	"deployed_at" timestamp with time zone NOT NULL,
	"first_commit_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployments_team_time_idx" ON "deployments" USING btree ("team_id","deployed_at");