CREATE TABLE "card_search" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_filters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"owner_id" uuid,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "card_search" ADD CONSTRAINT "card_search_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_search_document_idx" ON "card_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "card_search_team_idx" ON "card_search" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "saved_filters_team_idx" ON "saved_filters" USING btree ("team_id","owner_id");--> statement-breakpoint
CREATE INDEX "saved_filters_owner_idx" ON "saved_filters" USING btree ("owner_id") WHERE owner_id IS NOT NULL;--> statement-breakpoint
CREATE FUNCTION card_search_words(body text, weight "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- Stemmed words find other forms ("certificates" for "certificate"); plain words keep prefixes that run past a stem ("certificat").
  SELECT setweight(to_tsvector('english', coalesce(body, '')) || to_tsvector('simple', coalesce(body, '')), weight)
$$;
--> statement-breakpoint
CREATE FUNCTION card_search_refresh(p_card uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Lock the card first so a concurrent edit of it commits before this reads it (no stale document).
  PERFORM 1 FROM cards WHERE id = p_card FOR NO KEY UPDATE;
  INSERT INTO card_search (card_id, team_id, document)
  SELECT c.id, c.team_id,
    card_search_words(c.title, 'A')
    || card_search_words(array_to_string(c.labels, ' '), 'B')
    || card_search_words(c.blocked_reason, 'B')
    || card_search_words((SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(i.alert -> 'labels', '{}'::jsonb)) AS l(k, v)), 'B')
    || card_search_words(c.description, 'C')
    || card_search_words((SELECT string_agg(v, ' ') FROM jsonb_each_text(coalesce(i.alert -> 'annotations', '{}'::jsonb)) AS a(k, v)), 'C')
  FROM cards c LEFT JOIN interrupts i ON i.card_id = c.id
  WHERE c.id = p_card
  ON CONFLICT (card_id) DO UPDATE SET team_id = EXCLUDED.team_id, document = EXCLUDED.document;
END $$;
--> statement-breakpoint
CREATE FUNCTION card_search_on_card() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM card_search_refresh(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION card_search_on_interrupt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM card_search_refresh(NEW.card_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER card_search_card_insert AFTER INSERT ON cards FOR EACH ROW EXECUTE FUNCTION card_search_on_card();
--> statement-breakpoint
CREATE TRIGGER card_search_card_update AFTER UPDATE OF title, description, labels, blocked_reason, team_id ON cards FOR EACH ROW EXECUTE FUNCTION card_search_on_card();
--> statement-breakpoint
CREATE TRIGGER card_search_interrupt_write AFTER INSERT OR UPDATE OF alert ON interrupts FOR EACH ROW EXECUTE FUNCTION card_search_on_interrupt();
--> statement-breakpoint
SELECT card_search_refresh(id) FROM cards;
