import { AVAILABILITY_FLAGS, type AvailabilityFlag } from '#common/reference';
import type { Role } from '#common/roles';
import { useFormat } from '#web/lib/format';
import { Badge, type BadgeTone } from './ui/badge';

const ROLE_TONES: Record<Role, BadgeTone> = {
  alumni: 'ai',
  employee: 'green',
  leaver: 'amber',
  alumni_manager: 'shu',
  admin: 'red',
};

export function RoleBadge({ role }: { role: Role }) {
  const format = useFormat();
  return <Badge tone={ROLE_TONES[role]}>{format.role(role)}</Badge>;
}

/** The availability flags that are on, as badges; nothing when none is on or visible. */
export function AvailabilityBadges({ member }: { member: Partial<Record<AvailabilityFlag, boolean>> }) {
  const format = useFormat();
  const on = AVAILABILITY_FLAGS.filter((f) => member[f] === true);
  if (on.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {on.map((flag) => (
        <li key={flag}>
          <Badge tone={flag === 'openToReturn' ? 'shu' : 'green'}>{format.availability(flag)}</Badge>
        </li>
      ))}
    </ul>
  );
}

export function Chips({ items, max, label }: { items: readonly string[]; max?: number; label: string }) {
  const shown = max ? items.slice(0, max) : items;
  const more = items.length - shown.length;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {shown.map((item) => (
        <li key={item} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {item}
        </li>
      ))}
      {more > 0 && <li className="px-1 py-0.5 text-xs text-slate-500">+{more}</li>}
    </ul>
  );
}
