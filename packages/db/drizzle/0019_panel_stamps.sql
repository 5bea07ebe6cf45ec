CREATE TABLE `panel_stamps` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`stamp` integer NOT NULL
);
--> statement-breakpoint
-- Issue 18: the Painel do Cliente answers 304 to a refetch when nothing it shows has changed. The
-- database itself stamps a contact's panel whenever one of their tickets is inserted, changed (any
-- column: a spurious new stamp costs one full answer, a missed one would serve a stale panel) or
-- deleted, whatever wrote it. A ticket moved to another requester stamps both panels. Row 0 stands for
-- the department names that every panel shows. The stamp is random (within JavaScript's safe integers),
-- so a restored backup cannot repeat a stamp a browser already holds for different content.
CREATE TRIGGER `panel_stamps_ticket_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO panel_stamps (contact_id, stamp) VALUES (new.requester_id, random() % 9007199254740991)
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
END;
--> statement-breakpoint
CREATE TRIGGER `panel_stamps_ticket_update` AFTER UPDATE ON `tickets` BEGIN
  INSERT INTO panel_stamps (contact_id, stamp) VALUES (new.requester_id, random() % 9007199254740991)
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
  INSERT INTO panel_stamps (contact_id, stamp) SELECT old.requester_id, random() % 9007199254740991 WHERE old.requester_id <> new.requester_id
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
END;
--> statement-breakpoint
CREATE TRIGGER `panel_stamps_ticket_delete` AFTER DELETE ON `tickets` BEGIN
  INSERT INTO panel_stamps (contact_id, stamp) VALUES (old.requester_id, random() % 9007199254740991)
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
END;
--> statement-breakpoint
CREATE TRIGGER `panel_stamps_department_update` AFTER UPDATE OF name ON `departments` BEGIN
  INSERT INTO panel_stamps (contact_id, stamp) VALUES (0, random() % 9007199254740991)
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
END;
--> statement-breakpoint
CREATE TRIGGER `panel_stamps_department_delete` AFTER DELETE ON `departments` BEGIN
  INSERT INTO panel_stamps (contact_id, stamp) VALUES (0, random() % 9007199254740991)
    ON CONFLICT (contact_id) DO UPDATE SET stamp = excluded.stamp;
END;
