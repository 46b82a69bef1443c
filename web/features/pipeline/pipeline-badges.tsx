import { useTranslation } from 'react-i18next';
import type { PipelineJobRef } from '#common/pipeline';
import type { PipelineSource, PipelineStage } from '#common/rehiring-reference';
import { Badge, type BadgeTone } from '#web/components/ui/badge';

const STAGE_TONE: Record<PipelineStage, BadgeTone> = {
  interested: 'neutral',
  conversation: 'ai',
  interview: 'ai',
  offer: 'amber',
  rehired: 'green',
  not_now: 'neutral',
};

export function StageBadge({ stage }: { stage: PipelineStage }) {
  const { t } = useTranslation();
  return <Badge tone={STAGE_TONE[stage]}>{t(`pipeline.stages.${stage}`)}</Badge>;
}

/** 出戻り (a return interest) or 紹介 (a referral). */
export function SourceBadge({ source }: { source: PipelineSource }) {
  const { t } = useTranslation();
  return <Badge tone={source === 'interest' ? 'shu' : 'ai'}>{t(`pipeline.sources.${source}`)}</Badge>;
}

const ELIGIBILITY_TONE = { eligible: 'green', not_eligible: 'red', needs_review: 'amber' } as const;

export function EligibilityBadge({ value }: { value: 'eligible' | 'not_eligible' | 'needs_review' | null }) {
  const { t } = useTranslation();
  if (!value) return <Badge>{t('pipeline.eligibility.unknown')}</Badge>;
  return <Badge tone={ELIGIBILITY_TONE[value]}>{t(`pipeline.eligibility.${value}`)}</Badge>;
}

/** A job's title in the UI language, falling back to the other one. */
export function jobTitle(job: PipelineJobRef, lang: 'ja' | 'en'): string {
  return (lang === 'en' ? (job.titleEn ?? job.titleJa) : (job.titleJa ?? job.titleEn)) ?? '—';
}
