CREATE TABLE `throttle_windows` (
	`key` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `throttle_windows_ends_idx` ON `throttle_windows` (`ends_at`);