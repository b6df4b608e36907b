CREATE TABLE "card_technologies" (
	"card_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "card_technologies_card_id_technology_id_pk" PRIMARY KEY("card_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "technologies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owners" jsonb NOT NULL,
	"config_managed_pct" integer DEFAULT 0 NOT NULL,
	"environments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"installations" integer DEFAULT 0 NOT NULL,
	"lifecycle" text NOT NULL,
	"computed_mean" real,
	"computed_level" integer,
	"last_assessed_on" date,
	"override_level" integer,
	"override_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "technology_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"technology_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"status" text NOT NULL,
	"assessed_on" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"revealed_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"settled_by" uuid,
	"scores" jsonb,
	"mean" real,
	"level" integer
);
--> statement-breakpoint
CREATE TABLE "technology_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	"matchers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technology_scores" (
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "technology_scores_assessment_id_user_id_pk" PRIMARY KEY("assessment_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "card_technologies" ADD CONSTRAINT "card_technologies_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_technologies" ADD CONSTRAINT "card_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technologies" ADD CONSTRAINT "technologies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_assessments" ADD CONSTRAINT "technology_assessments_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_rules" ADD CONSTRAINT "technology_rules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_rules" ADD CONSTRAINT "technology_rules_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_scores" ADD CONSTRAINT "technology_scores_assessment_id_technology_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."technology_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_technologies_tech_idx" ON "card_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE INDEX "technologies_team_idx" ON "technologies" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "technology_assessments_tech_idx" ON "technology_assessments" USING btree ("technology_id","assessed_on");--> statement-breakpoint
CREATE INDEX "technology_rules_team_idx" ON "technology_rules" USING btree ("team_id");