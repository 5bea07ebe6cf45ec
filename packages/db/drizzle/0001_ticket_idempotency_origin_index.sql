CREATE TABLE `ticket_idempotency_keys` (
	`contact_id` integer NOT NULL,
	`key` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_idempotency_keys_contact_key_unique` ON `ticket_idempotency_keys` (`contact_id`,`key`);--> statement-breakpoint
CREATE INDEX `tickets_origin_activity_idx` ON `tickets` (`origin`,`updated_at`,`id`);