import { useTranslation } from 'react-i18next';
import { NAME_FIELDS } from '#common/reference';
import { TextField } from './ui/text-field';

export type NameKey = (typeof NAME_FIELDS)[number];

/** The six name inputs (kanji, kana, romaji × family, given) shared by the invite and join forms. */
export function NameFields({
  values,
  errors,
  onChange,
}: {
  values: Record<NameKey, string>;
  errors: Record<string, readonly string[] | undefined>;
  onChange: (key: NameKey, value: string) => void;
}) {
  const { t } = useTranslation();
  return NAME_FIELDS.map((key) => (
    <TextField
      key={key}
      label={t(`fields.${key}`)}
      value={values[key]}
      maxLength={60}
      required={key === 'familyName' || key === 'givenName'}
      onChange={(e) => onChange(key, e.target.value)}
      errors={errors[key]}
    />
  ));
}
