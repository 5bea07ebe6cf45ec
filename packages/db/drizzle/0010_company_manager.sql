ALTER TABLE `contacts` ADD `company_manager` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_company_activity_idx` ON `tickets` (`company_id`,`updated_at`,`id`);