-- Comments are searched too (weight C, like the description): the card's document is refreshed whenever one is written, edited or deleted.
CREATE OR REPLACE FUNCTION card_search_refresh(p_card uuid) RETURNS void LANGUAGE plpgsql AS $$
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
    || card_search_words((SELECT string_agg(m.body, ' ') FROM comments m WHERE m.card_id = c.id), 'C')
  FROM cards c LEFT JOIN interrupts i ON i.card_id = c.id
  WHERE c.id = p_card
  ON CONFLICT (card_id) DO UPDATE SET team_id = EXCLUDED.team_id, document = EXCLUDED.document;
END $$;
--> statement-breakpoint
CREATE FUNCTION card_search_on_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM card_search_refresh(OLD.card_id);
  ELSE
    PERFORM card_search_refresh(NEW.card_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER card_search_comment_write AFTER INSERT OR UPDATE OF body OR DELETE ON comments FOR EACH ROW EXECUTE FUNCTION card_search_on_comment();
--> statement-breakpoint
SELECT card_search_refresh(card_id) FROM comments GROUP BY card_id;
