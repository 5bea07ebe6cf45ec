CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`closing` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`contact_id` integer NOT NULL,
	`agent_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ratings_score_check" CHECK("ratings"."score" BETWEEN 1 AND 5),
	CONSTRAINT "ratings_comment_length_check" CHECK(length("ratings"."comment") <= 2000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket_closing_unique` ON `ratings` (`ticket_id`,`closing`);--> statement-breakpoint
CREATE INDEX `ratings_created_idx` ON `ratings` (`created_at`);--> statement-breakpoint
CREATE INDEX `ratings_agent_created_idx` ON `ratings` (`agent_id`,`created_at`);