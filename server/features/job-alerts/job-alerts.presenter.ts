import type { DigestResult, JobAlert, JobAlertMatch } from '#common/job-alerts';
import type { JobAlertRow, MatchView } from './job-alerts.service';

/** The only way an alert leaves the server (its owner is the only reader). */
export function presentAlert(row: JobAlertRow, emailAllowed: boolean): JobAlert {
  return {
    id: row.id,
    keywords: row.keywords,
    departments: row.departments,
    locations: row.locations,
    frequency: row.frequency,
    active: row.active,
    emailAllowed,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A matched job: the fields a list needs, nothing about who else it went to. */
export function presentMatch(view: MatchView): JobAlertMatch {
  return {
    job: {
      id: view.job.id,
      titleJa: view.job.titleJa,
      titleEn: view.job.titleEn,
      department: view.job.department,
      location: view.job.location,
      remote: view.job.remote,
      employmentType: view.job.employmentType,
      closesOn: view.job.closesOn,
    },
    matchedAt: view.matchedAt.toISOString(),
    seen: view.seen,
    alertIds: view.alertIds,
  };
}

export const presentDigestResult = (result: DigestResult): DigestResult => ({
  members: result.members,
  mailed: result.mailed,
});

export const presentMarkedSeen = (marked: number) => ({ marked });
