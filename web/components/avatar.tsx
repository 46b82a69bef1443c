import { useState } from 'react';

const PALETTE = [
  'bg-ai-100 text-ai-800',
  'bg-orange-100 text-orange-800',
  'bg-emerald-100 text-emerald-800',
  'bg-violet-100 text-violet-800',
  'bg-sky-100 text-sky-800',
  'bg-rose-100 text-rose-800',
];

/**
 * The member's photo, or their initial in a coloured circle; decorative either way (the name is
 * always written next to it, hence `alt=""`). Lists pass the card's `photo.small`.
 */
export function Avatar({
  id,
  name,
  size = 'md',
  photoUrl,
}: {
  id: string;
  name: string;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  photoUrl?: string | null;
}) {
  const sizes = {
    sm: 'size-8 text-sm',
    md: 'size-11 text-lg',
    lg: 'size-16 text-2xl',
    xl: 'size-24 text-3xl',
  };
  // A photo that fails to load (removed since, or no longer visible: 404) falls back to the initial.
  const [failed, setFailed] = useState<string | null>(null);
  if (photoUrl && failed !== photoUrl)
    return (
      <img
        src={photoUrl}
        alt=""
        decoding="async"
        data-testid="avatar-photo"
        onError={() => setFailed(photoUrl)}
        className={`shrink-0 rounded-full bg-slate-100 object-cover ${sizes[size]}`}
      />
    );
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const colour = PALETTE[hash % PALETTE.length];
  const initial = [...name.trim()][0] ?? '?';
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-full font-semibold ${colour} ${
        sizes[size]
      }`}
    >
      {initial.toUpperCase()}
    </span>
  );
}
