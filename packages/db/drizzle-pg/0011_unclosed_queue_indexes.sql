DROP INDEX "tickets_assignee_idx";--> statement-breakpoint
DROP INDEX "tickets_status_due_idx";--> statement-breakpoint
DROP INDEX "tickets_status_response_due_idx";--> statement-breakpoint
CREATE INDEX "tickets_unclosed_assignee_idx" ON "tickets" USING btree ("assignee_id","status") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "tickets_unclosed_due_idx" ON "tickets" USING btree ("status","due_at") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "tickets_unclosed_response_due_idx" ON "tickets" USING btree ("status","next_response_due_at") WHERE status <> 'closed';