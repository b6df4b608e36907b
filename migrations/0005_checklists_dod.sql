ALTER TABLE "boards" ADD COLUMN "definition_of_done" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "dod_checked" jsonb DEFAULT '[]'::jsonb NOT NULL;