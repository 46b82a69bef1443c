import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '#server/db/client';

const STALE_DEMO_LOGIN = 'alumni@kizuna.example';
const FRESH_DEMO_LOGINS = [
  'hr@kizuna.example',
  'admin@kizuna.example',
  'employee@kizuna.example',
  'leaver@kizuna.example',
];

/**
 * Demo data for freshness (decision 009): seeded members confirmed their profiles at some point
 * in the last 18 months (deterministic per member), so HR's page shows a realistic share of
 * stale profiles; the demo alumna is stale (her home page asks "still at … as …?"), the other
 * demo logins are fresh so their journeys start as before. A large organisation (benchmarks) only
 * gets the demo logins touched: rewriting every profile would cost minutes (decision 005).
 */
export async function ageDemoConfirmations(db: Db, { now = new Date() }: { now?: Date } = {}) {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from profiles`);
  const logins = [STALE_DEMO_LOGIN, ...FRESH_DEMO_LOGINS];
  const onlyDemo =
    (rows[0]?.n ?? 0) > 50_000
      ? sql`and u.email in (${sql.join(
          logins.map((e) => sql`${e}`),
          sql`, `,
        )})`
      : sql``;
  await db.execute(sql`
    update profiles p set confirmed_at = case
        when u.email = ${STALE_DEMO_LOGIN} then ${now}::timestamptz - interval '400 days'
        when u.email in (${sql.join(
          FRESH_DEMO_LOGINS.map((e) => sql`${e}`),
          sql`, `,
        )}) then ${now}::timestamptz
        else ${now}::timestamptz - make_interval(days => abs(hashtext(p.user_id)) % 540)
      end
    from users u where u.id = p.user_id ${onlyDemo}`);
}
