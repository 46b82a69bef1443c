-- Employee numbers are one number however they are typed: D000004 = d000004 = Ｄ０００００４
-- (decision 028). Stored values are normalised (NFKC, trimmed, upper case) and unique indexes on
-- that form are built. Rows that fold to the same number are resolved deterministically instead of
-- failing: HR records (copies of the HR system) merge into one, the one linked to a member first,
-- then the one updated last; a profile keeps the number if the HR record of that number is linked
-- to it (else the one already written in the normal form, else the first by id), the others lose
-- it. What was merged or cleared is listed (ids only) in org_settings
-- 'migration.employeeNumberConflicts' for HR to review.
CREATE TEMP TABLE kizuna_hr_number_merge AS
  SELECT id, kept_id FROM (
    SELECT id, first_value(id) OVER (
      PARTITION BY upper(normalize(btrim(employee_number), NFKC))
      ORDER BY (user_id IS NOT NULL) DESC, updated_at DESC, id
    ) AS kept_id
    FROM hr_records
  ) r WHERE id <> kept_id;--> statement-breakpoint
UPDATE invitations i SET hr_record_id = m.kept_id
  FROM kizuna_hr_number_merge m WHERE i.hr_record_id = m.id;--> statement-breakpoint
UPDATE verification_requests v SET match_record_id = m.kept_id
  FROM kizuna_hr_number_merge m WHERE v.match_record_id = m.id;--> statement-breakpoint
DELETE FROM hr_records h USING kizuna_hr_number_merge m WHERE h.id = m.id;--> statement-breakpoint
CREATE TEMP TABLE kizuna_profile_number_conflicts AS
  SELECT user_id, kept_id FROM (
    SELECT p.user_id, first_value(p.user_id) OVER (
      PARTITION BY upper(normalize(btrim(p.employee_number), NFKC))
      ORDER BY EXISTS (
          SELECT 1 FROM hr_records h
          WHERE h.user_id = p.user_id AND upper(normalize(btrim(h.employee_number), NFKC)) = upper(normalize(btrim(p.employee_number), NFKC))
        ) DESC,
        (p.employee_number = upper(normalize(btrim(p.employee_number), NFKC))) DESC,
        p.user_id
    ) AS kept_id
    FROM profiles p WHERE p.employee_number IS NOT NULL
  ) r WHERE user_id <> kept_id;--> statement-breakpoint
UPDATE profiles p SET employee_number = NULL
  FROM kizuna_profile_number_conflicts c WHERE p.user_id = c.user_id;--> statement-breakpoint
INSERT INTO org_settings (key, value)
  SELECT 'migration.employeeNumberConflicts', jsonb_agg(x ORDER BY x->>'table', x->>'id') FROM (
    SELECT jsonb_build_object('table', 'hr_records', 'id', id, 'keptId', kept_id, 'action', 'merged') AS x
      FROM kizuna_hr_number_merge
    UNION ALL
    SELECT jsonb_build_object('table', 'profiles', 'id', user_id, 'keptId', kept_id, 'action', 'cleared')
      FROM kizuna_profile_number_conflicts
  ) r HAVING count(*) > 0
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now();--> statement-breakpoint
DROP TABLE kizuna_hr_number_merge;--> statement-breakpoint
DROP TABLE kizuna_profile_number_conflicts;--> statement-breakpoint
UPDATE hr_records SET employee_number = upper(normalize(btrim(employee_number), NFKC))
  WHERE employee_number <> upper(normalize(btrim(employee_number), NFKC));--> statement-breakpoint
UPDATE profiles SET employee_number = upper(normalize(btrim(employee_number), NFKC))
  WHERE employee_number <> upper(normalize(btrim(employee_number), NFKC));--> statement-breakpoint
UPDATE verification_requests SET employee_number = upper(normalize(btrim(employee_number), NFKC))
  WHERE employee_number <> upper(normalize(btrim(employee_number), NFKC));--> statement-breakpoint
CREATE UNIQUE INDEX "hr_records_employee_number_folded" ON "hr_records" USING btree (upper(normalize(btrim("employee_number"), NFKC)));--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_employee_number_folded" ON "profiles" USING btree (upper(normalize(btrim("employee_number"), NFKC)));