CREATE TABLE "job_alert_deliveries" (
	"alert_id" text NOT NULL,
	"job_id" text NOT NULL,
	"user_id" text NOT NULL,
	"mail_id" text,
	"mailed_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_alert_deliveries_alert_id_job_id_pk" PRIMARY KEY("alert_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "job_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"departments" text[] DEFAULT '{}' NOT NULL,
	"locations" text[] DEFAULT '{}' NOT NULL,
	"frequency" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_digest_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"title_ja" text,
	"title_en" text,
	"description_ja" text,
	"description_en" text,
	"department" text NOT NULL,
	"location" text NOT NULL,
	"remote" text NOT NULL,
	"employment_type" text NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"salary_min" integer,
	"salary_max" integer,
	"salary_currency" text,
	"salary_period" text,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"classification" text NOT NULL,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text NOT NULL,
	"posted_by" text,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ats_exports" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hires" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL,
	"source" text NOT NULL,
	"user_id" text,
	"job_id" text,
	"leaver_case_id" text,
	"role_title" text NOT NULL,
	"department" text,
	"start_on" date NOT NULL,
	"time_zone" text DEFAULT 'Asia/Tokyo' NOT NULL,
	"started_at" timestamp with time zone,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hires_card_id_unique" UNIQUE("card_id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"interest_id" text,
	"referral_id" text,
	"user_id" text,
	"job_id" text,
	"stage" text DEFAULT 'interested' NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_changed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_cards_interest_id_unique" UNIQUE("interest_id"),
	CONSTRAINT "pipeline_cards_referral_id_unique" UNIQUE("referral_id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"referrer_id" text,
	"job_id" text,
	"candidate_name" text NOT NULL,
	"candidate_email" text NOT NULL,
	"candidate_locale" text DEFAULT 'ja' NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'awaiting_consent' NOT NULL,
	"consent_token_hash" text,
	"consent_expires_at" timestamp with time zone NOT NULL,
	"consented_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"consent_mail_id" text,
	"reward_status" text DEFAULT 'none' NOT NULL,
	"reward_amount" integer,
	"reward_currency" text,
	"reward_paid_at" timestamp with time zone,
	"reward_paid_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_consent_token_hash_unique" UNIQUE("consent_token_hash")
);
--> statement-breakpoint
CREATE TABLE "return_interests" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"job_id" text,
	"message" text,
	"preferred_roles" text[] DEFAULT '{}' NOT NULL,
	"preferred_locations" text[] DEFAULT '{}' NOT NULL,
	"timing" text,
	"status" text DEFAULT 'active' NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_alert_deliveries" ADD CONSTRAINT "job_alert_deliveries_alert_id_job_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."job_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_alert_deliveries" ADD CONSTRAINT "job_alert_deliveries_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_alert_deliveries" ADD CONSTRAINT "job_alert_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_alerts" ADD CONSTRAINT "job_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_exports" ADD CONSTRAINT "ats_exports_card_id_pipeline_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."pipeline_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ats_exports" ADD CONSTRAINT "ats_exports_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_card_id_pipeline_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."pipeline_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_leaver_case_id_leaver_cases_id_fk" FOREIGN KEY ("leaver_case_id") REFERENCES "public"."leaver_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hires" ADD CONSTRAINT "hires_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_cards" ADD CONSTRAINT "pipeline_cards_interest_id_return_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."return_interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_cards" ADD CONSTRAINT "pipeline_cards_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_cards" ADD CONSTRAINT "pipeline_cards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_cards" ADD CONSTRAINT "pipeline_cards_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_cards" ADD CONSTRAINT "pipeline_cards_stage_changed_by_users_id_fk" FOREIGN KEY ("stage_changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_notes" ADD CONSTRAINT "pipeline_notes_card_id_pipeline_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."pipeline_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_notes" ADD CONSTRAINT "pipeline_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_reward_paid_by_users_id_fk" FOREIGN KEY ("reward_paid_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_interests" ADD CONSTRAINT "return_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_interests" ADD CONSTRAINT "return_interests_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_alert_deliveries_user_idx" ON "job_alert_deliveries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "job_alerts_user_idx" ON "job_alerts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "jobs_status_closes_idx" ON "jobs" USING btree ("status","closes_on");--> statement-breakpoint
CREATE INDEX "jobs_search_trgm" ON "jobs" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "jobs_skills_gin" ON "jobs" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "ats_exports_card_idx" ON "ats_exports" USING btree ("card_id","created_at");--> statement-breakpoint
CREATE INDEX "hires_start_idx" ON "hires" USING btree ("start_on");--> statement-breakpoint
CREATE INDEX "hires_user_idx" ON "hires" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pipeline_cards_stage_idx" ON "pipeline_cards" USING btree ("stage","stage_changed_at");--> statement-breakpoint
CREATE INDEX "pipeline_cards_user_idx" ON "pipeline_cards" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pipeline_notes_card_idx" ON "pipeline_notes" USING btree ("card_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_candidate_uq" ON "referrals" USING btree (coalesce("job_id", ''),lower("candidate_email"));--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_email_idx" ON "referrals" USING btree (lower("candidate_email"));--> statement-breakpoint
CREATE UNIQUE INDEX "return_interests_active_uq" ON "return_interests" USING btree ("user_id",coalesce("job_id", '')) WHERE "return_interests"."status" = 'active';--> statement-breakpoint
CREATE INDEX "return_interests_job_idx" ON "return_interests" USING btree ("job_id");