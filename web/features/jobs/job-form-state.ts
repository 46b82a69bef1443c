import type { Job, JobAudiencePreset, JobCreateInput } from '#common/jobs';
import type { EmploymentType, RemoteMode, SalaryPeriod } from '#common/rehiring-reference';
import type { PickedMember } from '#web/components/member-picker';
import { withDraft } from '#web/components/ui/chip-input';

export const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'SGD', 'CNY', 'KRW'];

/** The job form as typed: every field a string (or a choice) until it is sent. */
export interface FormState {
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  department: string;
  location: string;
  remote: RemoteMode;
  employmentType: EmploymentType;
  skills: string[];
  pendingSkill: string;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  salaryPeriod: SalaryPeriod;
  closesOn: string;
  preset: JobAudiencePreset;
  members: PickedMember[];
  excludeRecent: boolean;
  excludeMonths: string;
  excludeEmployers: string;
}

/** Sets one field of the form. */
export type SetField = <K extends keyof FormState>(key: K, value: FormState[K]) => void;

/** The messages shown under each control (server's and the browser's check), by control. */
export type JobFieldErrors = Record<
  | 'titleJa'
  | 'titleEn'
  | 'descriptionJa'
  | 'descriptionEn'
  | 'department'
  | 'location'
  | 'remote'
  | 'employmentType'
  | 'skills'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryCurrency'
  | 'salaryPeriod'
  | 'closesOn'
  | 'preset'
  | 'members'
  | 'months'
  | 'employers',
  string[] | undefined
>;

/** What each section of the form is given. */
export interface JobFormSectionProps {
  state: FormState;
  set: SetField;
  fieldErrors: JobFieldErrors;
}

export const EMPTY: FormState = {
  titleJa: '',
  titleEn: '',
  descriptionJa: '',
  descriptionEn: '',
  department: '',
  location: '',
  remote: 'hybrid',
  employmentType: 'full_time',
  skills: [],
  pendingSkill: '',
  salaryMin: '',
  salaryMax: '',
  salaryCurrency: 'JPY',
  salaryPeriod: 'year',
  closesOn: '',
  preset: 'alumni_and_employees',
  members: [],
  excludeRecent: false,
  excludeMonths: '6',
  excludeEmployers: '',
};

export function fromJob(job: Job): FormState {
  const audience = job.audience;
  return {
    titleJa: job.titleJa ?? '',
    titleEn: job.titleEn ?? '',
    descriptionJa: job.descriptionJa ?? '',
    descriptionEn: job.descriptionEn ?? '',
    department: job.department,
    location: job.location,
    remote: job.remote,
    employmentType: job.employmentType,
    skills: job.skills,
    pendingSkill: '',
    salaryMin: job.salary?.min != null ? String(job.salary.min) : '',
    salaryMax: job.salary?.max != null ? String(job.salary.max) : '',
    salaryCurrency: job.salary?.currency ?? 'JPY',
    salaryPeriod: job.salary?.period ?? 'year',
    closesOn: job.closesOn,
    preset: audience?.preset ?? 'alumni_and_employees',
    members: audience?.members ?? [],
    excludeRecent: audience?.excludeLeftWithinMonths != null,
    excludeMonths: String(audience?.excludeLeftWithinMonths ?? 6),
    excludeEmployers: (audience?.excludeEmployers ?? []).join('\n'),
  };
}

/** A number as typed (spaces and thousands separators allowed); what is not a number goes as typed. */
const amount = (text: string): number | null => {
  const clean = text.replace(/[,，\s]/g, '');
  if (clean === '') return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : (clean as unknown as number);
};

/** The body the API takes; the server validates it all (errors come back per field). */
export function toPayload(s: FormState): Omit<JobCreateInput, 'status'> {
  const salaryMin = amount(s.salaryMin);
  const salaryMax = amount(s.salaryMax);
  const hasSalary = salaryMin !== null || salaryMax !== null;
  return {
    titleJa: s.titleJa.trim() || null,
    titleEn: s.titleEn.trim() || null,
    descriptionJa: s.descriptionJa.trim() ? s.descriptionJa : null,
    descriptionEn: s.descriptionEn.trim() ? s.descriptionEn : null,
    department: s.department,
    location: s.location,
    remote: s.remote,
    employmentType: s.employmentType,
    skills: withDraft(s.skills, s.pendingSkill),
    salaryMin,
    salaryMax,
    salaryCurrency: hasSalary ? s.salaryCurrency : null,
    salaryPeriod: hasSalary ? s.salaryPeriod : null,
    closesOn: s.closesOn,
    audience: {
      preset: s.preset,
      memberIds: s.preset === 'group' ? s.members.map((m) => m.id) : [],
      excludeLeftWithinMonths: s.excludeRecent ? (amount(s.excludeMonths) ?? 0) : null,
      excludeEmployers: s.excludeEmployers
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    },
  };
}
