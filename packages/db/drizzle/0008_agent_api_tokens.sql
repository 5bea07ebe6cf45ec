CREATE TABLE `agent_api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agent_api_tokens_hash_unique` ON `agent_api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `agent_api_tokens_agent_idx` ON `agent_api_tokens` (`agent_id`);