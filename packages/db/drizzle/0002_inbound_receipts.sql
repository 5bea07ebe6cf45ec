CREATE TABLE `inbound_receipts` (
	`message_id` text PRIMARY KEY NOT NULL,
	`ticket_id` integer,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
