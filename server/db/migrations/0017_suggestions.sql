CREATE TABLE "people_suggestion_impressions" (
	"member_id" text NOT NULL,
	"candidate_id" text NOT NULL,
	"shown" integer DEFAULT 0 NOT NULL,
	"last_shown_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	CONSTRAINT "people_suggestion_impressions_member_id_candidate_id_pk" PRIMARY KEY("member_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "people_suggestion_runs" (
	"member_id" text PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_suggestions" (
	"member_id" text NOT NULL,
	"candidate_id" text NOT NULL,
	"list" text NOT NULL,
	"score" real NOT NULL,
	"terms" jsonb NOT NULL,
	"facets" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "people_suggestions_member_id_list_candidate_id_pk" PRIMARY KEY("member_id","list","candidate_id"),
	CONSTRAINT "people_suggestions_not_self" CHECK ("people_suggestions"."member_id" <> "people_suggestions"."candidate_id")
);
--> statement-breakpoint
ALTER TABLE "people_suggestion_impressions" ADD CONSTRAINT "people_suggestion_impressions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestion_impressions" ADD CONSTRAINT "people_suggestion_impressions_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestion_runs" ADD CONSTRAINT "people_suggestion_runs_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestions" ADD CONSTRAINT "people_suggestions_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_suggestions" ADD CONSTRAINT "people_suggestions_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_suggestion_impressions_candidate_idx" ON "people_suggestion_impressions" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "people_suggestions_candidate_idx" ON "people_suggestions" USING btree ("candidate_id");