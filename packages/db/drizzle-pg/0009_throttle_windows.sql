CREATE TABLE "throttle_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"started_at" bigint NOT NULL,
	"ends_at" bigint NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "throttle_windows_ends_idx" ON "throttle_windows" USING btree ("ends_at");