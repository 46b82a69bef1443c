-- The audit trail is append-only (decision 029): the database refuses to rewrite or delete an
-- entry, whatever the code does. The one change allowed is the erasure of a member (decision 016):
-- the actor set to null (the users foreign key's ON DELETE SET NULL, or the register), the subject
-- set to null and the data emptied — an entry may lose who, never gain or change what.
-- TRUNCATE (the seed resetting a demo database) is not a row change and stays the owner's.
CREATE FUNCTION kizuna_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only: an entry cannot be deleted (id %)', OLD."id"
      USING ERRCODE = 'insufficient_privilege', HINT = 'Decision 029: only erasure may clear who an entry names.';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id"
    OR NEW."action" IS DISTINCT FROM OLD."action"
    OR NEW."subject_type" IS DISTINCT FROM OLD."subject_type"
    OR NEW."created_at" IS DISTINCT FROM OLD."created_at"
    OR (NEW."actor_id" IS NOT NULL AND NEW."actor_id" IS DISTINCT FROM OLD."actor_id")
    OR (NEW."subject_id" IS NOT NULL AND NEW."subject_id" IS DISTINCT FROM OLD."subject_id")
    OR (NEW."data" <> '{}'::jsonb AND NEW."data" IS DISTINCT FROM OLD."data")
  THEN
    RAISE EXCEPTION 'audit_events is append-only: an entry cannot be changed (id %)', OLD."id"
      USING ERRCODE = 'insufficient_privilege', HINT = 'Decision 029: only erasure may clear who an entry names.';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION kizuna_audit_append_only();
