import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryFacets } from '#common/directory';
import { AVAILABILITY_FLAGS, type AvailabilityFlag, type Industry } from '#common/reference';
import type { Role } from '#common/roles';
import { Button } from '#web/components/ui/button';
import { Checkbox } from '#web/components/ui/checkbox';
import { TextField } from '#web/components/ui/text-field';
import { useFormat } from '#web/lib/format';
import type { DirectoryState, FacetName } from './search-state';

const ROLE_ORDER: Role[] = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'];
const COLLAPSED_COUNT = 8;

interface DirectoryFiltersProps {
  state: DirectoryState;
  facets: DirectoryFacets | undefined;
  onToggle: (facet: FacetName, value: string, checked: boolean) => void;
  onTenureChange: (tenureMin: string, tenureMax: string) => void;
  tenureErrors?: { tenureMin?: string[]; tenureMax?: string[] };
  onClear: () => void;
  hasFilters: boolean;
}

export function DirectoryFilters({
  state,
  facets,
  onToggle,
  onTenureChange,
  tenureErrors,
  onClear,
  hasFilters,
}: DirectoryFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();

  const label = (facet: FacetName, value: string) => {
    switch (facet) {
      case 'role':
        return format.role(value as Role);
      case 'industry':
        return format.industry(value as Industry);
      case 'country':
        return format.country(value);
      case 'availability':
        return format.availability(value as AvailabilityFlag);
      case 'skill':
        return format.term('skill', value);
      case 'department':
        return format.term('department', value);
      default:
        return value;
    }
  };

  /** Facet values (by count), plus selected values the current matches no longer contain. */
  const options = (facet: FacetName): { value: string; count: number }[] => {
    const counts = new Map((facets?.[facet] ?? []).map((f) => [f.value, f.count]));
    let values: string[];
    if (facet === 'availability') values = [...AVAILABILITY_FLAGS];
    else if (facet === 'role')
      values = ROLE_ORDER.filter((r) => counts.has(r) || state.filters.role.includes(r));
    else values = [...(facets?.[facet] ?? []).map((f) => f.value)];
    for (const selected of state.filters[facet]) if (!values.includes(selected)) values.push(selected);
    return values.map((value) => ({ value, count: counts.get(value) ?? 0 }));
  };

  return (
    <div className="space-y-6">
      {(['role', 'availability', 'department', 'industry', 'country', 'skill'] as const).map((facet) => (
        <FacetGroup
          key={facet}
          legend={t(`directory.facets.${facet}`)}
          options={options(facet)}
          selected={state.filters[facet]}
          label={(value) => label(facet, value)}
          onToggle={(value, checked) => onToggle(facet, value, checked)}
          isLoading={!facets}
        />
      ))}
      <TenureFilter
        tenureMin={state.tenureMin}
        tenureMax={state.tenureMax}
        onChange={onTenureChange}
        errors={tenureErrors}
      />
      {hasFilters && (
        <Button variant="secondary" size="sm" className="w-full" onClick={onClear}>
          {t('directory.clearFilters')}
        </Button>
      )}
    </div>
  );
}

function FacetGroup({
  legend,
  options,
  selected,
  label,
  onToggle,
  isLoading,
}: {
  legend: string;
  options: { value: string; count: number }[];
  selected: string[];
  label: (value: string) => string;
  onToggle: (value: string, checked: boolean) => void;
  isLoading: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [isExpanded, setExpanded] = useState(false);
  const visible = isExpanded ? options : options.slice(0, COLLAPSED_COUNT);
  const hidden = options.length - visible.length;
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-xs text-slate-500">{isLoading ? t('common.loading') : t('directory.noOptions')}</p>
      ) : (
        <div className="space-y-1.5">
          {visible.map((o) => (
            <Checkbox
              key={o.value}
              label={label(o.value)}
              detail={format.number(o.count)}
              checked={selected.includes(o.value)}
              onChange={(e) => onToggle(o.value, e.target.checked)}
            />
          ))}
          {(hidden > 0 || isExpanded) && options.length > COLLAPSED_COUNT && (
            <button
              type="button"
              className="text-sm font-medium text-ai-700 hover:underline"
              aria-expanded={isExpanded}
              onClick={() => setExpanded(!isExpanded)}
            >
              {isExpanded ? t('directory.showLess') : t('directory.showMore', { count: hidden })}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** Years at the company; applied shortly after typing stops. */
function TenureFilter({
  tenureMin,
  tenureMax,
  onChange,
  errors,
}: {
  tenureMin: string;
  tenureMax: string;
  onChange: (min: string, max: string) => void;
  errors?: { tenureMin?: string[]; tenureMax?: string[] };
}) {
  const { t } = useTranslation();
  const [min, setMin] = useState(tenureMin);
  const [max, setMax] = useState(tenureMax);
  useEffect(() => setMin(tenureMin), [tenureMin]);
  useEffect(() => setMax(tenureMax), [tenureMax]);

  useEffect(() => {
    if (min === tenureMin && max === tenureMax) return;
    const valid = (v: string) => v === '' || /^\d{1,2}$/.test(v);
    if (!valid(min) || !valid(max)) return;
    const timer = setTimeout(() => onChange(min, max), 500);
    return () => clearTimeout(timer);
  }, [min, max, tenureMin, tenureMax, onChange]);

  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t('directory.facets.tenure')}</legend>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('directory.tenureMin')}
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          value={min}
          onChange={(e) => setMin(e.target.value)}
          errors={errors?.tenureMin}
        />
        <TextField
          label={t('directory.tenureMax')}
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          value={max}
          onChange={(e) => setMax(e.target.value)}
          errors={errors?.tenureMax}
        />
      </div>
    </fieldset>
  );
}
