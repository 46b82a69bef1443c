import { AlertIcon } from './icons';

/** Messages under a field; the input points at this list with aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-0.5 text-sm text-red-700">
      {errors.map((message) => (
        <li key={message} className="flex gap-1.5">
          <AlertIcon className="mt-0.5 size-4" />
          <span>{message}</span>
        </li>
      ))}
    </ul>
  );
}

export const describedBy = (...ids: (string | false | undefined | null)[]) =>
  ids.filter(Boolean).join(' ') || undefined;
