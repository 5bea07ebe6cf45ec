CREATE TABLE `agent_departments` (
	`agent_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `department_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text,
	`role` text DEFAULT 'agent' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_email_unique` ON `agents` (`email`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`document` text,
	`phone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`password_hash` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_email_unique` ON `contacts` (`email`);--> statement-breakpoint
CREATE INDEX `contacts_company_idx` ON `contacts` (`company_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`serves_tickets` integer DEFAULT true NOT NULL,
	`serves_external` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`author_kind` text NOT NULL,
	`author_id` integer,
	`visibility` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_ticket_idx` ON `messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_actor_idx` ON `sessions` (`actor_kind`,`actor_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`show_on_hotsite` integer DEFAULT false NOT NULL,
	`default_department_id` integer,
	FOREIGN KEY (`default_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket_idx` ON `ticket_events` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`requester_id` integer NOT NULL,
	`company_id` integer,
	`department_id` integer,
	`subject_id` integer,
	`priority` text DEFAULT 'media' NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee_id` integer,
	`origin` text NOT NULL,
	`due_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`waiting_since` integer,
	`reminder_stage` integer DEFAULT 0 NOT NULL,
	`resolved_at` integer,
	`closed_at` integer,
	`closing_count` integer DEFAULT 0 NOT NULL,
	`rating_due_until` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`customer_tab` text GENERATED ALWAYS AS (CASE status WHEN 'new' THEN 'awaiting_return' WHEN 'open' THEN 'awaiting_return' WHEN 'pending' THEN 'awaiting_return' WHEN 'onsite_visit' THEN 'awaiting_return' WHEN 'waiting_customer' THEN 'awaiting_my_reply' WHEN 'resolved' THEN 'awaiting_approval' WHEN 'closed' THEN CASE WHEN rating_due_until IS NOT NULL THEN 'unrated' END END) VIRTUAL,
	FOREIGN KEY (`requester_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tickets_status_check" CHECK("tickets"."status" IN ('new', 'open', 'pending', 'onsite_visit', 'waiting_customer', 'resolved', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `tickets_requester_activity_idx` ON `tickets` (`requester_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_requester_tab_activity_idx` ON `tickets` (`requester_id`,`customer_tab`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_activity_idx` ON `tickets` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_assignee_idx` ON `tickets` (`assignee_id`,`status`);