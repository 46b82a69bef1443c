CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"text_version" text NOT NULL,
	"locale" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_suppressions" (
	"hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hr_import_errors" (
	"import_id" text NOT NULL,
	"line" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"employee_number" text,
	CONSTRAINT "hr_import_errors_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
CREATE TABLE "hr_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"created_by" text,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"encoding" text NOT NULL,
	"mapping" jsonb,
	"headers" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_created" integer DEFAULT 0 NOT NULL,
	"rows_updated" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hr_records" (
	"id" text PRIMARY KEY NOT NULL,
	"employee_number" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name_kana" text,
	"given_name_kana" text,
	"family_name_romaji" text,
	"given_name_romaji" text,
	"work_email" text,
	"personal_email" text,
	"joined_on" date,
	"left_on" date,
	"departments" text[] DEFAULT '{}' NOT NULL,
	"last_title" text,
	"office" text,
	"leave_reason" text,
	"locale" text DEFAULT 'ja' NOT NULL,
	"match_name" text NOT NULL,
	"row_hash" text NOT NULL,
	"user_id" text,
	"last_import_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hr_records_employee_number_unique" UNIQUE("employee_number")
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"user_id" text,
	"subject_id" text,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "verification_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name_kana" text,
	"given_name_kana" text,
	"family_name_romaji" text,
	"given_name_romaji" text,
	"employee_number" text,
	"work_email" text,
	"joined_on" date,
	"left_on" date,
	"message" text,
	"locale" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"match_record_id" text,
	"match_score" real,
	"match_details" jsonb,
	"eligibility" jsonb,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"decision" text,
	"invitation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_active_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "consents_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "retention_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "hr_record_id" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "delivery_error" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "send_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "last_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "consents" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "confirmed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "freshness_asked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_import_errors" ADD CONSTRAINT "hr_import_errors_import_id_hr_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."hr_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_imports" ADD CONSTRAINT "hr_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_records" ADD CONSTRAINT "hr_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_match_record_id_hr_records_id_fk" FOREIGN KEY ("match_record_id") REFERENCES "public"."hr_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_events_created_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "consent_events_user_idx" ON "consent_events" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "hr_imports_created_idx" ON "hr_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "hr_records_user_idx" ON "hr_records" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "hr_records_work_email_idx" ON "hr_records" USING btree (lower("work_email"));--> statement-breakpoint
CREATE INDEX "hr_records_personal_email_idx" ON "hr_records" USING btree (lower("personal_email"));--> statement-breakpoint
CREATE INDEX "hr_records_left_on_idx" ON "hr_records" USING btree ("left_on");--> statement-breakpoint
CREATE INDEX "hr_records_match_name_trgm" ON "hr_records" USING gin ("match_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "mail_messages_created_idx" ON "mail_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_messages_subject_idx" ON "mail_messages" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "mail_messages_user_idx" ON "mail_messages" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_requests_status_idx" ON "verification_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "verification_requests_email_idx" ON "verification_requests" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_hr_record_id_hr_records_id_fk" FOREIGN KEY ("hr_record_id") REFERENCES "public"."hr_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_last_active_idx" ON "users" USING btree ("last_active_at");--> statement-breakpoint
CREATE INDEX "invitations_hr_record_idx" ON "invitations" USING btree ("hr_record_id");--> statement-breakpoint
CREATE INDEX "profiles_confirmed_idx" ON "profiles" USING btree ("confirmed_at");