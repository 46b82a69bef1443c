import { useTranslation } from 'react-i18next';
import type { FieldVisibility } from '#common/access';
import type { ProfileField, VisibilityMap } from '#common/profiles';
import { FIELD_VISIBILITIES, FIELD_VISIBILITY_RANK } from '#common/reference';
import { InlineSelect } from '#web/components/ui/select';
import { useFormat } from '#web/lib/format';

/** Levels a member may choose for a field: never more open than HR's limit for it. */
export function allowedLevels(limit: FieldVisibility | undefined): FieldVisibility[] {
  const max = FIELD_VISIBILITY_RANK[limit ?? 'members'];
  return FIELD_VISIBILITIES.filter((level) => FIELD_VISIBILITY_RANK[level] <= max);
}

interface VisibilitySelectProps {
  field: ProfileField;
  fieldLabel: string;
  value: FieldVisibility | undefined;
  limits: VisibilityMap;
  onChange: (level: FieldVisibility) => void;
  errors?: string[];
}

/** "Who can see this": named "公開範囲: 自己紹介" / "Visibility: Bio" for assistive tech and tests. */
export function VisibilitySelect({
  field,
  fieldLabel,
  value,
  limits,
  onChange,
  errors,
}: VisibilitySelectProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const levels = allowedLevels(limits[field]);
  const current = value ?? levels[levels.length - 1] ?? 'admins';
  return (
    <InlineSelect
      label={t('visibility.fieldLabel', { field: fieldLabel })}
      value={current}
      onChange={(e) => onChange(e.target.value as FieldVisibility)}
      options={levels.map((level) => ({ value: level, label: format.visibility(level) }))}
      errors={errors}
    />
  );
}
