DROP INDEX `tickets_status_waiting_idx`;--> statement-breakpoint
DROP INDEX `tickets_status_stage_waiting_idx`;--> statement-breakpoint
DROP INDEX `tickets_status_resolved_idx`;--> statement-breakpoint
CREATE INDEX `tickets_unclosed_waiting_idx` ON `tickets` (`status`,`waiting_since`,`id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX `tickets_unclosed_stage_waiting_idx` ON `tickets` (`status`,`reminder_stage`,`waiting_since`,`id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX `tickets_unclosed_resolved_idx` ON `tickets` (`status`,`resolved_at`,`id`) WHERE status <> 'closed';