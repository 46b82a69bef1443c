import type { AdminJob, FitJob, FitReasons, Job, JobCard, Salary } from '#common/jobs';
import { audienceOfJob } from './jobs.policy';
import { isJobExpired, isJobListed, isJobReferable, type JobCardRow, type JobRow } from './jobs.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentSalary(row: JobCardRow): Salary | null {
  if ((row.salaryMin == null && row.salaryMax == null) || !row.salaryCurrency || !row.salaryPeriod)
    return null;
  return { min: row.salaryMin, max: row.salaryMax, currency: row.salaryCurrency, period: row.salaryPeriod };
}

/**
 * The only ways a job leaves the server. Every field is listed; who posted it, the search
 * document and the audience stay inside (the audience and state only for HR, below).
 */
export function presentJobCard(row: JobCardRow): JobCard {
  return {
    id: row.id,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    department: row.department,
    location: row.location,
    remote: row.remote,
    employmentType: row.employmentType,
    skills: row.skills,
    salary: presentSalary(row),
    closesOn: row.closesOn,
    publishedAt: iso(row.publishedAt),
    referable: isJobReferable(row),
  };
}

/** One job; `hr` adds its state and audience (with the group's members named). */
export function presentJob(
  row: JobRow,
  options: { now: Date; hr: false } | { now: Date; hr: true; members: { id: string; displayName: string }[] },
): Job {
  const out: Job = {
    ...presentJobCard(row),
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    isListed: isJobListed(row, options.now),
  };
  if (!options.hr) return out;
  const audience = audienceOfJob(row);
  return {
    ...out,
    status: row.status,
    expired: isJobExpired(row, options.now),
    audience: {
      preset: audience.preset,
      members: options.members,
      excludeLeftWithinMonths: audience.excludeLeftWithinMonths,
      excludeEmployers: audience.excludeEmployers,
    },
    closedAt: iso(row.closedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentAdminJob(row: JobRow, now: Date): AdminJob {
  const audience = audienceOfJob(row);
  return {
    ...presentJobCard(row),
    status: row.status,
    expired: isJobExpired(row, now),
    audience: {
      preset: audience.preset,
      memberCount: audience.memberIds.length,
      excludeLeftWithinMonths: audience.excludeLeftWithinMonths,
      excludeEmployers: audience.excludeEmployers,
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentFitJob(item: { job: JobCardRow; score: number; reasons: FitReasons }): FitJob {
  return { job: presentJobCard(item.job), score: item.score, reasons: item.reasons };
}
