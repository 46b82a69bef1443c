import type { ReactNode } from 'react';
import { OrgIdentity } from '#web/features/branding/org-identity';

/** The card a signed-out form sits in (sign-in, password reset, invitation, join request). */
export const SIGNED_OUT_FORM_CLASSES = 'space-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm';

/**
 * The frame of every page a signed-out visitor sees: the organisation's identity, the page's
 * title and lead, then the form or the answer.
 */
export function SignedOutPage({
  title,
  lead,
  children,
}: {
  title: string;
  /** Shown under the title; omitted once the page has answered (e.g. "reset done"). */
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-10 sm:py-16">
      <div className="mb-8 text-center">
        <OrgIdentity className="mb-4" />
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {lead && <p className="mt-2 text-sm text-slate-600">{lead}</p>}
      </div>
      {children}
    </div>
  );
}
