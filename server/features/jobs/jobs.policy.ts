import type { AttributeRule, Audience, Classification } from '#common/access';
import type { JobAudiencePreset, JobAudienceValue } from '#common/jobs';
import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * Who may do what with jobs (decision 016). Seeing a job is the visibility policy's rule for any
 * governed item (decision 004), applied inside the query (`visibleItemsWhere`); this file maps
 * HR's audience presets onto it. Posting, editing, publishing, closing and the admin list are
 * HR's (alumni_manager, admin); anyone else gets a 404 for them, never a 403.
 */
export const canManageJobs = (viewer: Viewer) => isHr(viewer);

/** The classification and audience a preset stands for, with HR's exclusions as attribute rules. */
export function governedFromAudience(input: JobAudienceValue): {
  classification: Classification;
  audience: Audience;
} {
  const excludeWhen: AttributeRule[] = [];
  if (input.excludeLeftWithinMonths != null) {
    excludeWhen.push({ attribute: 'monthsSinceLeft', op: 'lt', value: input.excludeLeftWithinMonths });
  }
  const employers = [...new Set(input.excludeEmployers.map((e) => e.trim()).filter(Boolean))];
  if (employers.length > 0) excludeWhen.push({ attribute: 'currentEmployer', op: 'in', value: employers });
  const rules = excludeWhen.length > 0 ? { excludeWhen } : {};
  switch (input.preset) {
    case 'alumni':
      return { classification: 'network', audience: { roles: ['alumni'], ...rules } };
    case 'alumni_and_employees':
      return { classification: 'network', audience: { ...rules } };
    case 'employees':
      return { classification: 'internal', audience: { ...rules } };
    case 'group':
      return {
        classification: 'confidential',
        audience: { memberIds: [...new Set(input.memberIds)], ...rules },
      };
  }
}

/** The preset a stored job was posted with (the inverse of `governedFromAudience`). */
export function audienceOfJob(row: { classification: Classification; audience: Audience }): JobAudienceValue {
  const rules = row.audience.excludeWhen ?? [];
  const months = rules.find((r) => r.attribute === 'monthsSinceLeft' && r.op === 'lt');
  const employers = rules.find((r) => r.attribute === 'currentEmployer');
  let preset: JobAudiencePreset;
  if (row.classification === 'confidential') preset = 'group';
  else if (row.classification === 'internal') preset = 'employees';
  else if (row.audience.roles?.length === 1 && row.audience.roles[0] === 'alumni') preset = 'alumni';
  else preset = 'alumni_and_employees';
  return {
    preset,
    memberIds: preset === 'group' ? (row.audience.memberIds ?? []) : [],
    excludeLeftWithinMonths: months && typeof months.value === 'number' ? months.value : null,
    excludeEmployers: employers && Array.isArray(employers.value) ? employers.value : [],
  };
}
