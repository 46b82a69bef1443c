import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExitCaseCreateSchema } from '#common/exits';
import { DEFAULT_EXIT_TIME_ZONE, REASON_CATEGORIES } from '#common/exits-reference';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { RequiredLegend } from '#web/components/ui/field';
import { Select } from '#web/components/ui/select';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { useCurrentMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { validateWithSchema } from '#web/lib/zod-form';
import { MemberPicker, type PickedMember } from './member-picker';
import { useOpenCase } from './use-exits';

const TIME_ZONES = [
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
];

/** HR (or a manager for a report) opens an exit case: who, last day, reason. */
export function OpenCaseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  const me = useCurrentMe();
  // Staff exits are an admin's to handle, and nobody handles their own (decision 022).
  const isAdmin = me.role === 'admin';
  const subjectRoles = isAdmin ? 'employee,leaver,alumni_manager,admin' : 'employee,leaver';
  const [person, setPerson] = useState<PickedMember | null>(null);
  const [manager, setManager] = useState<PickedMember | null>(null);
  const [lastDay, setLastDay] = useState('');
  const [timeZone, setTimeZone] = useState(DEFAULT_EXIT_TIME_ZONE);
  const [reasonCategory, setReasonCategory] = useState('');
  const [reasonNote, setReasonNote] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const fields = { ...(isApiError(open.error) ? open.error.fields : {}), ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      userId: person?.id ?? '',
      lastDay,
      timeZone,
      reasonCategory: reasonCategory as (typeof REASON_CATEGORIES)[number],
      reasonNote: reasonNote.trim() || null,
      ...(manager ? { managerId: manager.id } : {}),
    };
    // The server's schema first (missing date or reason shown without a request); the person
    // picker has its own wording.
    const checked = validateWithSchema(ExitCaseCreateSchema, body);
    const missing: Record<string, string[]> = checked.ok ? {} : { ...checked.fields };
    if (!person) missing.userId = [t('exits.open.pickPerson')];
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    open.mutate(body, { onSuccess: (row) => navigate(`/exits/${row.id}`) });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('exits.open.title')}>
      {open.isError && !isApiError(open.error) && <ErrorBanner message={t('errors.generic')} />}
      {isApiError(open.error) && open.error.status === 409 && <ErrorBanner message={open.error.message} />}
      <RequiredLegend />
      <MemberPicker
        name="person"
        label={t('exits.open.person')}
        value={person}
        onChange={setPerson}
        errors={fields.userId}
        roles={subjectRoles}
        isRequired
        excludeId={me.id}
        hint={isAdmin ? undefined : t('exits.open.staffHint')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('exits.fields.lastDay')}
          name="lastDay"
          type="date"
          required
          value={lastDay}
          onChange={(e) => setLastDay(e.target.value)}
          errors={fields.lastDay}
        />
        <Select
          label={t('exits.fields.timeZone')}
          name="timeZone"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
          errors={fields.timeZone}
        />
      </div>
      <Select
        label={t('exits.fields.reasonCategory')}
        name="reasonCategory"
        value={reasonCategory}
        required
        emptyOption={t('exits.open.chooseReason')}
        onChange={(e) => setReasonCategory(e.target.value)}
        options={REASON_CATEGORIES.map((r) => ({ value: r, label: t(`exits.reasons.${r}`) }))}
        hint={t('exits.hrOnlyHint')}
        errors={fields.reasonCategory}
      />
      <TextArea
        label={t('exits.fields.reasonNote')}
        name="reasonNote"
        value={reasonNote}
        onChange={(e) => setReasonNote(e.target.value)}
        hint={t('exits.hrOnlyHint')}
        errors={fields.reasonNote}
      />
      <MemberPicker
        name="manager"
        label={t('exits.open.manager')}
        value={manager}
        onChange={setManager}
        errors={fields.managerId}
      />
      <p className="text-sm text-slate-600">{t('exits.open.managerHint')}</p>
      <Button type="submit" isBusy={open.isPending}>
        {t('exits.open.submit')}
      </Button>
    </form>
  );
}
