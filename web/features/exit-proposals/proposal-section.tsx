import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal, ProposalUpdate, Suggestions } from '#common/exit-proposals';
import { INDUSTRIES, type Industry } from '#common/reference';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { addTerms, ChipInput, useListErrors, withDraft } from '#web/components/ui/chip-input';
import { Spinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import {
  useCommentProposal,
  useProposal,
  useSaveProposal,
  useShareProposal,
  useSuggestions,
} from './use-proposal';

type Access = 'hr' | 'manager' | 'leaver';

/**
 * The career conversation and proposal on a leaver case. HR and the manager fill in the form with
 * suggestions from consenting alumni beside it; the leaver reads it once shared and comments.
 */
export function ProposalSection({ caseId, access }: { caseId: string; access: Access }) {
  const { t } = useTranslation();
  const proposal = useProposal(caseId);
  const isLeaver = access === 'leaver';
  const title = isLeaver ? t('exitProposal.leaverTitle') : t('exitProposal.title');
  return (
    <Card title={title} id="career-proposal">
      {proposal.isPending ? (
        <Spinner />
      ) : proposal.isError ? (
        <ErrorBanner message={proposal.error.message} onRetry={() => void proposal.refetch()} />
      ) : proposal.data === null ? (
        <p className="text-sm text-slate-700">{t('exitProposal.notShared')}</p>
      ) : proposal.data.canEdit ? (
        <ProposalEditor caseId={caseId} proposal={proposal.data} />
      ) : (
        <ProposalView caseId={caseId} proposal={proposal.data} isLeaver={isLeaver} />
      )}
    </Card>
  );
}

const toForm = (p: Proposal): ProposalUpdate => ({
  heldOn: p.heldOn,
  strengths: p.strengths,
  learned: p.learned,
  outsidePath: p.outsidePath,
  outsideRoles: p.outsideRoles,
  outsideIndustries: p.outsideIndustries as Industry[],
  insidePath: p.insidePath,
  insidePositions: p.insidePositions,
});

function ProposalEditor({ caseId, proposal }: { caseId: string; proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveProposal(caseId);
  const share = useShareProposal(caseId);
  const [form, setForm] = useState<ProposalUpdate>(() => toForm(proposal));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  // Typed but not yet a chip: sent with the rest, so saving never drops it.
  const [drafts, setDrafts] = useState({ outsideRoles: '', insidePositions: '' });
  const [sent, setSent] = useState(form); // what the errors' entry numbers refer to
  const listErrors = useListErrors(errors);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setForm(toForm(proposal)), [proposal]);

  const set = <K extends keyof ProposalUpdate>(k: K, v: ProposalUpdate[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setNotice(null);
  };
  const text = (k: 'strengths' | 'learned' | 'outsidePath' | 'insidePath') => ({
    value: form[k] ?? '',
    errors: errors[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value === '' ? null : e.target.value),
  });
  const failure = save.error ?? share.error;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...form,
      outsideRoles: withDraft(form.outsideRoles, drafts.outsideRoles),
      insidePositions: withDraft(form.insidePositions, drafts.insidePositions),
    };
    setForm(input);
    setSent(input);
    setDrafts({ outsideRoles: '', insidePositions: '' });
    save.mutate(input, {
      onSuccess: () => {
        setErrors({});
        setNotice(t('exitProposal.saved'));
      },
      onError: (error) => setErrors(isApiError(error) ? error.fields : {}),
    });
  };
  const addRole = (role: string) => set('outsideRoles', addTerms(form.outsideRoles, [role]));
  const addIndustry = (code: Industry) =>
    !form.outsideIndustries.includes(code) && set('outsideIndustries', [...form.outsideIndustries, code]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {proposal.sharedAt ? (
            <Badge tone="green">
              {t('exitProposal.shared', { date: format.dateTime(proposal.sharedAt) })}
            </Badge>
          ) : (
            <Badge tone="amber">{t('exitProposal.notYetShared')}</Badge>
          )}
          {proposal.authorName && (
            <span className="text-slate-600">{t('exitProposal.author', { name: proposal.authorName })}</span>
          )}
        </div>
        <TextField
          label={t('exitProposal.heldOn')}
          type="date"
          value={form.heldOn ?? ''}
          errors={errors.heldOn}
          onChange={(e) => set('heldOn', e.target.value === '' ? null : e.target.value)}
          containerClassName="max-w-xs"
        />
        <TextArea
          label={t('exitProposal.strengths')}
          hint={t('exitProposal.strengthsHint')}
          {...text('strengths')}
        />
        <TextArea label={t('exitProposal.learned')} {...text('learned')} />
        <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {t('exitProposal.outsidePath')}
          </legend>
          <TextArea label={t('exitProposal.outsidePath')} {...text('outsidePath')} />
          <ChipInput
            label={t('exitProposal.outsideRoles')}
            values={form.outsideRoles}
            errors={listErrors('outsideRoles', sent.outsideRoles)}
            onChange={(v) => set('outsideRoles', v)}
            draft={drafts.outsideRoles}
            onDraftChange={(outsideRoles) => setDrafts((d) => ({ ...d, outsideRoles }))}
          />
          <IndustryPicker
            selected={form.outsideIndustries}
            onChange={(v) => set('outsideIndustries', v)}
            errors={errors.outsideIndustries}
          />
        </fieldset>
        <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {t('exitProposal.insidePath')}
          </legend>
          <TextArea label={t('exitProposal.insidePath')} {...text('insidePath')} />
          <ChipInput
            label={t('exitProposal.insidePositions')}
            values={form.insidePositions}
            errors={listErrors('insidePositions', sent.insidePositions)}
            onChange={(v) => set('insidePositions', v)}
            draft={drafts.insidePositions}
            onDraftChange={(insidePositions) => setDrafts((d) => ({ ...d, insidePositions }))}
          />
        </fieldset>
        {failure && <ErrorBanner message={failure.message} />}
        {notice && <SuccessBanner>{notice}</SuccessBanner>}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" isBusy={save.isPending}>
            {t('exitProposal.save')}
          </Button>
          {proposal.exists && !proposal.sharedAt && (
            <Button
              variant="secondary"
              isBusy={share.isPending}
              onClick={() =>
                share.mutate(undefined, { onSuccess: () => setNotice(t('exitProposal.sharedDone')) })
              }
            >
              {t('exitProposal.share')}
            </Button>
          )}
        </div>
        <LeaverComment proposal={proposal} />
      </form>
      <aside>
        <SuggestionsPanel caseId={caseId} onAddRole={addRole} onAddIndustry={addIndustry} />
      </aside>
    </div>
  );
}

function LeaverComment({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  if (!proposal.sharedAt) return null;
  return (
    <div className="rounded-xl bg-slate-50 p-4 text-sm">
      <h3 className="font-semibold text-slate-900">{t('exitProposal.leaverComment')}</h3>
      <p className="mt-1 whitespace-pre-wrap text-slate-800">
        {proposal.leaverComment ?? <span className="text-slate-500">{t('exitProposal.noComment')}</span>}
      </p>
    </div>
  );
}

function IndustryPicker({
  selected,
  onChange,
  errors,
}: {
  selected: Industry[];
  onChange: (v: Industry[]) => void;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{t('exitProposal.outsideIndustries')}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {INDUSTRIES.map((code) => {
          const on = selected.includes(code);
          return (
            <button
              key={code}
              type="button"
              aria-pressed={on}
              onClick={() => onChange(on ? selected.filter((c) => c !== code) : [...selected, code])}
              className={`rounded-full px-3 py-1 text-sm ring-1 ${
                on
                  ? 'bg-ai-700 text-white ring-ai-700'
                  : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
              }`}
            >
              {format.industry(code)}
            </button>
          );
        })}
      </div>
      {errors && <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p>}
    </fieldset>
  );
}

function SuggestionsPanel({
  caseId,
  onAddRole,
  onAddIndustry,
  isLeaver = false,
}: {
  caseId: string;
  onAddRole?: (role: string) => void;
  onAddIndustry?: (code: Industry) => void;
  isLeaver?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const suggestions = useSuggestions(caseId);
  const heading = isLeaver ? t('exitProposal.suggestionsLeaver') : t('exitProposal.suggestions');
  const s: Suggestions | undefined = suggestions.data;
  const industryLabel = (v: string) =>
    (INDUSTRIES as readonly string[]).includes(v) ? format.industry(v as Industry) : v;
  return (
    <section aria-labelledby={`${caseId}-suggestions`} className="rounded-xl bg-slate-50 p-4">
      <h3 id={`${caseId}-suggestions`} className="text-sm font-semibold text-slate-900">
        {heading}
      </h3>
      {suggestions.isPending ? (
        <Spinner />
      ) : suggestions.isError ? (
        <p className="mt-2 text-sm text-red-700">{suggestions.error.message}</p>
      ) : !s || s.matched === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('exitProposal.suggestionsNone')}</p>
      ) : (
        <div className="mt-2 space-y-3 text-sm">
          <p className="text-slate-600">{t('exitProposal.suggestionsLead', { count: s.matched })}</p>
          {onAddRole && <p className="text-slate-600">{t('exitProposal.clickToAdd')}</p>}
          <ChipGroup
            title={t('exitProposal.suggestionTitles')}
            items={s.titles.map((c) => ({ ...c, label: c.value }))}
            onPick={onAddRole}
          />
          <ChipGroup
            title={t('exitProposal.suggestionIndustries')}
            items={s.industries.map((c) => ({ ...c, label: industryLabel(c.value) }))}
            onPick={onAddIndustry ? (v) => onAddIndustry(v as Industry) : undefined}
          />
          <ChipGroup
            title={t('exitProposal.suggestionSkills')}
            items={s.skills.map((c) => ({ ...c, label: c.value }))}
          />
        </div>
      )}
    </section>
  );
}

function ChipGroup({
  title,
  items,
  onPick,
}: {
  title: string;
  items: { value: string; label: string; count: number }[];
  onPick?: (value: string) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {items.map((item) => {
          const label = t('exitProposal.chipCount', { value: item.label, count: item.count });
          return (
            <li key={item.value}>
              {onPick ? (
                <button
                  type="button"
                  onClick={() => onPick(item.value)}
                  className="rounded-full bg-white px-2.5 py-0.5 text-slate-800 ring-1 ring-slate-300 hover:bg-ai-50 hover:ring-ai-300"
                >
                  + {label}
                </button>
              ) : (
                <span className="rounded-full bg-white px-2.5 py-0.5 text-slate-700 ring-1 ring-slate-200">
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ProposalView({
  caseId,
  proposal,
  isLeaver,
}: {
  caseId: string;
  proposal: Proposal;
  isLeaver: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const block = (title: string, body: string | null, chips: string[] = []) => (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {body ? (
        <p className="mt-1 whitespace-pre-wrap text-slate-800">{body}</p>
      ) : chips.length === 0 ? (
        <p className="mt-1 text-slate-500">{t('exitProposal.empty')}</p>
      ) : null}
      {chips.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5">
          {chips.map((c) => (
            <li key={c} className="rounded-full bg-ai-50 px-3 py-0.5 text-sm text-ai-800 ring-1 ring-ai-200">
              {c}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  const industries = proposal.outsideIndustries.map((c) =>
    (INDUSTRIES as readonly string[]).includes(c) ? format.industry(c as Industry) : c,
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
      <div className="space-y-5 text-sm">
        {isLeaver && <p className="text-slate-700">{t('exitProposal.leaverIntro')}</p>}
        {(proposal.heldOn || proposal.authorName) && (
          <p className="text-slate-600">
            {proposal.heldOn && `${t('exitProposal.heldOn')}: ${format.date(proposal.heldOn)}`}
            {proposal.heldOn && proposal.authorName && ' · '}
            {proposal.authorName && t('exitProposal.author', { name: proposal.authorName })}
          </p>
        )}
        {block(
          isLeaver ? t('exitProposal.leaverStrengths') : t('exitProposal.strengths'),
          proposal.strengths,
        )}
        {block(isLeaver ? t('exitProposal.leaverLearned') : t('exitProposal.learned'), proposal.learned)}
        {block(
          isLeaver ? t('exitProposal.leaverOutside') : t('exitProposal.outsidePath'),
          proposal.outsidePath,
          [...proposal.outsideRoles, ...industries],
        )}
        {block(
          isLeaver ? t('exitProposal.leaverInside') : t('exitProposal.insidePath'),
          proposal.insidePath,
          proposal.insidePositions,
        )}
        {proposal.canComment ? (
          <CommentForm caseId={caseId} proposal={proposal} />
        ) : (
          <LeaverComment proposal={proposal} />
        )}
      </div>
      <aside>
        <SuggestionsPanel caseId={caseId} isLeaver={isLeaver} />
      </aside>
    </div>
  );
}

function CommentForm({ caseId, proposal }: { caseId: string; proposal: Proposal }) {
  const { t } = useTranslation();
  const comment = useCommentProposal(caseId);
  const [text, setText] = useState(proposal.leaverComment ?? '');
  const [sent, setSent] = useState(false);
  const errors = isApiError(comment.error) ? comment.error.fields.comment : undefined;
  return (
    <form
      className="space-y-3 border-t border-slate-200 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(false);
        comment.mutate(text, { onSuccess: () => setSent(true) });
      }}
      noValidate
    >
      <TextArea
        label={t('exitProposal.comment')}
        hint={t('exitProposal.commentHint')}
        value={text}
        errors={errors}
        onChange={(e) => setText(e.target.value)}
      />
      {comment.error && !errors && <ErrorBanner message={comment.error.message} />}
      {sent && <SuccessBanner>{t('exitProposal.commentSent')}</SuccessBanner>}
      <Button type="submit" isBusy={comment.isPending}>
        {t('exitProposal.sendComment')}
      </Button>
    </form>
  );
}
