CREATE TABLE "panel_stamps" (
	"contact_id" integer PRIMARY KEY NOT NULL,
	"stamp" bigint NOT NULL
);
--> statement-breakpoint
-- Issue 18: see the SQLite migration 0019 for what a panel stamp is. Here the triggers are deferred
-- constraint triggers: a transaction takes the stamp rows' locks at its commit, after every ticket
-- lock it needs, so a runner batch and a request that touch one contact's tickets wait for each other
-- briefly instead of holding the contact's row for the whole transaction. Columns are compared inside
-- the functions, not named in the trigger, so an administrator can still alter them (see 0010).
CREATE FUNCTION atende_stamp_panel(contact integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO panel_stamps (contact_id, stamp) VALUES (contact, (random() * 9007199254740991)::bigint)
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
$$;
--> statement-breakpoint
CREATE FUNCTION atende_stamp_panel_of_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM atende_stamp_panel(NEW.requester_id);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.requester_id IS DISTINCT FROM NEW.requester_id) THEN
    PERFORM atende_stamp_panel(OLD.requester_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_panel_stamp AFTER INSERT OR UPDATE OR DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION atende_stamp_panel_of_ticket();
--> statement-breakpoint
CREATE FUNCTION atende_stamp_panels_on_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.name IS DISTINCT FROM NEW.name THEN
    PERFORM atende_stamp_panel(0);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER departments_panel_stamp AFTER UPDATE OR DELETE ON departments
  FOR EACH ROW EXECUTE FUNCTION atende_stamp_panels_on_department();
