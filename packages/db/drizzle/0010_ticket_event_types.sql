PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ticket_events_type_check" CHECK("__new_ticket_events"."type" IN ('created', 'status_changed', 'reopened', 'field_changed', 'assignee_changed', 'rated', 'email_sent', 'reminder_sent', 'auto_closed', 'approval_timeout', 'assigned', 'assigned_by_routing'))
);
--> statement-breakpoint
INSERT INTO `__new_ticket_events`("id", "ticket_id", "actor_kind", "actor_id", "type", "from_status", "to_status", "data", "created_at") SELECT "id", "ticket_id", "actor_kind", "actor_id", "type", "from_status", "to_status", "data", "created_at" FROM `ticket_events`;--> statement-breakpoint
DROP TABLE `ticket_events`;--> statement-breakpoint
ALTER TABLE `__new_ticket_events` RENAME TO `ticket_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `ticket_events_ticket_idx` ON `ticket_events` (`ticket_id`,`id`);