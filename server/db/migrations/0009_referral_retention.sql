ALTER TABLE "hires" DROP CONSTRAINT "hires_card_id_pipeline_cards_id_fk";
--> statement-breakpoint
ALTER TABLE "hires" ALTER COLUMN "card_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ALTER COLUMN "candidate_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ALTER COLUMN "candidate_email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ALTER COLUMN "candidate_locale" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ALTER COLUMN "reason" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_card_id_pipeline_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."pipeline_cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_retention_idx" ON "referrals" USING btree (coalesce("declined_at", "expired_at")) WHERE "referrals"."redacted_at" is null and "referrals"."status" in ('declined', 'expired');--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_candidate_held_ck" CHECK ("referrals"."redacted_at" is not null or ("referrals"."candidate_name" is not null and "referrals"."candidate_email" is not null and "referrals"."candidate_locale" is not null and "referrals"."reason" is not null));--> statement-breakpoint
-- Backfill (decision 020): when each closed referral became final, so the retention step can date it.
UPDATE "referrals" SET "expired_at" = least("consent_expires_at", "created_at" + interval '14 days') WHERE "status" = 'expired' AND "expired_at" IS NULL;--> statement-breakpoint
UPDATE "referrals" SET "declined_at" = "updated_at" WHERE "status" = 'declined' AND "declined_at" IS NULL;
