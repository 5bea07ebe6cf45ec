ALTER TABLE "contacts" ADD COLUMN "company_manager" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "language" text DEFAULT 'pt-BR' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "notify_updates" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "notify_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "notify_rating_requests" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_company_activity_idx" ON "tickets" USING btree ("company_id","updated_at","id");