CREATE TABLE `agent_notification_prefs` (
	`agent_id` integer PRIMARY KEY NOT NULL,
	`email_kinds` text NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`filename` text NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` integer,
	`message_id` integer,
	`held_mail_id` integer,
	`ticket_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_message_idx` ON `attachments` (`message_id`);--> statement-breakpoint
CREATE INDEX `attachments_held_mail_idx` ON `attachments` (`held_mail_id`);--> statement-breakpoint
CREATE INDEX `attachments_owner_staged_idx` ON `attachments` (`owner_kind`,`owner_id`,`message_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha_idx` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `held_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`from_address` text NOT NULL,
	`from_name` text,
	`envelope_from` text,
	`subject` text,
	`body` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'held' NOT NULL,
	`mail_message_id` text,
	`received_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`message_id` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `held_mail_ticket_idx` ON `held_mail` (`ticket_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `held_mail_message_id_unique` ON `held_mail` (`mail_message_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ticket_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_agent_idx` ON `notifications` (`agent_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_agent_unread_idx` ON `notifications` (`agent_id`,`read_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once_unique` ON `notifications` (`agent_id`,`ticket_id`,`kind`,`ticket_version`);--> statement-breakpoint
ALTER TABLE `messages` ADD `author_email` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `source_message_id` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `customer_replied_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `next_response_due_at` integer;--> statement-breakpoint
CREATE INDEX `tickets_status_response_due_idx` ON `tickets` (`status`,`next_response_due_at`);