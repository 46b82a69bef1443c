CREATE TABLE "advice_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"hopes" text NOT NULL,
	"time_frame" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_message" text,
	"conversation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "advice_requests_not_self" CHECK ("advice_requests"."from_id" <> "advice_requests"."to_id")
);
--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_from_id_users_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_to_id_users_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_requests" ADD CONSTRAINT "advice_requests_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advice_requests_pending_idx" ON "advice_requests" USING btree ("from_id","to_id","kind") WHERE "advice_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "advice_requests_to_idx" ON "advice_requests" USING btree ("to_id","created_at");--> statement-breakpoint
CREATE INDEX "advice_requests_from_idx" ON "advice_requests" USING btree ("from_id","created_at");--> statement-breakpoint
CREATE INDEX "advice_requests_created_idx" ON "advice_requests" USING btree ("created_at");