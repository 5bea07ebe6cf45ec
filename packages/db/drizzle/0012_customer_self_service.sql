ALTER TABLE `contacts` ADD `company_manager` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `language` text DEFAULT 'pt-BR' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `notify_updates` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `notify_reminders` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `notify_rating_requests` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_company_activity_idx` ON `tickets` (`company_id`,`updated_at`,`id`);