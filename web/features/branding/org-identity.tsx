import { useBranding, useOrgName } from './use-branding';

/**
 * The organisation on a public page (sign-in, join, invitation, referral consent, …): its logo,
 * or the product's 絆 mark until it has one, above its name. A visitor from outside — a referred
 * candidate — sees first whose page this is.
 */
export function OrgIdentity({ className = '' }: { className?: string }) {
  const { data } = useBranding();
  const name = useOrgName();
  return (
    <div className={`flex flex-col items-center gap-2 text-center ${className}`} data-testid="org-identity">
      {data?.logoUrl ? (
        <img src={data.logoUrl} alt="" className="size-16 object-contain" />
      ) : (
        <span aria-hidden="true" className="text-5xl font-bold text-ai-700">
          絆
        </span>
      )}
      <p className="text-base font-semibold text-slate-800">{name}</p>
    </div>
  );
}

/** The organisation next to the product name in the header: small logo + name (name only for screen readers on a phone). */
export function OrgBadge() {
  const { data } = useBranding();
  const name = useOrgName();
  if (!data?.isCustom && !data?.logoUrl) return null; // nothing to add to "Kizuna" itself
  return (
    <span
      className="order-1 flex min-w-0 items-center gap-2 border-l border-slate-200 pl-3"
      data-testid="org-badge"
    >
      {data.logoUrl && <img src={data.logoUrl} alt="" className="size-6 shrink-0 object-contain" />}
      <span className="sr-only max-w-48 truncate text-sm font-medium text-slate-600 sm:not-sr-only">
        {name}
      </span>
    </span>
  );
}
