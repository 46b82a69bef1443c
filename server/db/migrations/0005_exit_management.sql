CREATE TABLE "career_proposals" (
	"case_id" text PRIMARY KEY NOT NULL,
	"held_on" date,
	"strengths" text,
	"learned" text,
	"outside_path" text,
	"outside_roles" text[] DEFAULT '{}' NOT NULL,
	"outside_industries" text[] DEFAULT '{}' NOT NULL,
	"inside_path" text,
	"inside_positions" text[] DEFAULT '{}' NOT NULL,
	"author_id" text,
	"shared_at" timestamp with time zone,
	"leaver_comment" text,
	"leaver_commented_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_survey_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt_ja" text NOT NULL,
	"prompt_en" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_max" integer,
	"required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_survey_responses" (
	"case_id" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaver_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"manager_id" text,
	"hr_owner_id" text,
	"last_day" date NOT NULL,
	"time_zone" text DEFAULT 'Asia/Tokyo' NOT NULL,
	"reason_category" text NOT NULL,
	"reason_note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"previous_role" text NOT NULL,
	"personal_email" text,
	"network_decision" text DEFAULT 'pending' NOT NULL,
	"open_to_return" boolean DEFAULT false NOT NULL,
	"farewell_message" text,
	"rehire_eligibility" text,
	"rehire_reason" text,
	"rehire_decided_by" text,
	"rehire_decided_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"welcome_mail_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offboarding_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"template_id" text,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"owner_role" text NOT NULL,
	"assignee_id" text,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "offboarding_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"owner_role" text NOT NULL,
	"due_offset_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_lines" (
	"manager_id" text NOT NULL,
	"report_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_lines_manager_id_report_id_pk" PRIMARY KEY("manager_id","report_id")
);
--> statement-breakpoint
ALTER TABLE "career_proposals" ADD CONSTRAINT "career_proposals_case_id_leaver_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."leaver_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_proposals" ADD CONSTRAINT "career_proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_responses" ADD CONSTRAINT "exit_survey_responses_case_id_leaver_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."leaver_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_cases" ADD CONSTRAINT "leaver_cases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_cases" ADD CONSTRAINT "leaver_cases_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_cases" ADD CONSTRAINT "leaver_cases_hr_owner_id_users_id_fk" FOREIGN KEY ("hr_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_cases" ADD CONSTRAINT "leaver_cases_rehire_decided_by_users_id_fk" FOREIGN KEY ("rehire_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver_cases" ADD CONSTRAINT "leaver_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_tasks" ADD CONSTRAINT "offboarding_tasks_case_id_leaver_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."leaver_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_tasks" ADD CONSTRAINT "offboarding_tasks_template_id_offboarding_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."offboarding_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_tasks" ADD CONSTRAINT "offboarding_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_tasks" ADD CONSTRAINT "offboarding_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_lines" ADD CONSTRAINT "reporting_lines_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_lines" ADD CONSTRAINT "reporting_lines_report_id_users_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leaver_cases_open_user_idx" ON "leaver_cases" USING btree ("user_id") WHERE "leaver_cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "leaver_cases_manager_idx" ON "leaver_cases" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "leaver_cases_status_last_day_idx" ON "leaver_cases" USING btree ("status","last_day");--> statement-breakpoint
CREATE INDEX "offboarding_tasks_case_idx" ON "offboarding_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "offboarding_tasks_assignee_idx" ON "offboarding_tasks" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "reporting_lines_report_idx" ON "reporting_lines" USING btree ("report_id");