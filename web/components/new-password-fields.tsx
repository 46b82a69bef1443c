import type { TFunction } from 'i18next';
import { PASSWORD_MIN } from '#common/reference';
import { TextField } from '#web/components/ui/text-field';

export interface NewPassword {
  password: string;
  confirm: string;
}
export interface NewPasswordErrors {
  password?: string[];
  confirm?: string[];
}
export const EMPTY_NEW_PASSWORD: NewPassword = { password: '', confirm: '' };

/** The checks made before sending: long enough, typed the same twice. */
export function checkNewPassword(value: NewPassword, t: TFunction): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (value.password.length < PASSWORD_MIN)
    errors.password = [t('validation.passwordLength', { n: PASSWORD_MIN })];
  if (value.confirm !== value.password) errors.confirm = [t('validation.passwordMatch')];
  return errors;
}

/**
 * A new password typed twice (invitation, password reset, password change): both fields say
 * `new-password` so password managers offer to generate and store one.
 */
export function NewPasswordFields({
  value,
  onChange,
  labels,
  hint,
  errors = {},
  names = { password: 'newPassword', confirm: 'confirm' },
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  labels: { password: string; confirm: string };
  hint: string;
  errors?: NewPasswordErrors;
  names?: { password?: string; confirm?: string };
}) {
  return (
    <>
      <TextField
        label={labels.password}
        type="password"
        name={names.password}
        autoComplete="new-password"
        required
        hint={hint}
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        errors={errors.password}
      />
      <TextField
        label={labels.confirm}
        type="password"
        name={names.confirm}
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.target.value })}
        errors={errors.confirm}
      />
    </>
  );
}
