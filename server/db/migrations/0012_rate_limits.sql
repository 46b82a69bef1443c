-- Rate-limit counters shared by every app process on the database (decision 030): one row per
-- limiter key and fixed window, taken with one INSERT … ON CONFLICT DO UPDATE … RETURNING.
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_resets_at_idx" ON "rate_limits" USING btree ("resets_at");