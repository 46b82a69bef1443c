ALTER TABLE "profiles" ADD COLUMN "role" text;--> statement-breakpoint
UPDATE "profiles" p SET "role" = u."role" FROM "users" u WHERE u."id" = p."user_id";--> statement-breakpoint
ALTER TABLE "profiles" ALTER COLUMN "role" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "is_active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
UPDATE "profiles" p SET "is_active" = (u."status" = 'active') FROM "users" u WHERE u."id" = p."user_id";--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "hidden_from_members" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "hidden_from_employees" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Defaults that hide fields from tiers (email and open-to-return are HR-only unless opened).
UPDATE "profiles" SET
  "hidden_from_members" = ARRAY(SELECT f FROM unnest(ARRAY['email','openToReturn']) f WHERE coalesce("visibility"->>f, 'admins') <> 'members')
    || ARRAY(SELECT k FROM jsonb_each_text("visibility") e(k, v) WHERE v <> 'members' AND k NOT IN ('email','openToReturn')),
  "hidden_from_employees" = ARRAY(SELECT f FROM unnest(ARRAY['email','openToReturn']) f WHERE coalesce("visibility"->>f, 'admins') = 'admins')
    || ARRAY(SELECT k FROM jsonb_each_text("visibility") e(k, v) WHERE v = 'admins' AND k NOT IN ('email','openToReturn'));--> statement-breakpoint
CREATE INDEX "profiles_role_idx" ON "profiles" USING btree ("role");--> statement-breakpoint
-- users is the truth for role and status; profiles keeps copies for the directory (decision 005).
CREATE FUNCTION kizuna_sync_profile_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "profiles" SET "role" = NEW."role", "is_active" = (NEW."status" = 'active') WHERE "user_id" = NEW."id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER users_sync_profile_membership AFTER UPDATE OF "role", "status" ON "users"
  FOR EACH ROW WHEN (OLD."role" IS DISTINCT FROM NEW."role" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION kizuna_sync_profile_membership();
