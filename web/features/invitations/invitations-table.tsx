import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '#common/invitations';
import { RoleBadge } from '#web/components/member-badges';
import { Badge, type BadgeTone } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { DataTable } from '#web/components/ui/data-table';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { type InvitationFilters, useInvitationAction, useInvitations } from './use-invitations';

const STATUS_TONES: Record<Invitation['status'], BadgeTone> = {
  pending: 'amber',
  accepted: 'green',
  expired: 'neutral',
  revoked: 'red',
};

type Delivery = NonNullable<Invitation['deliveryStatus']>;
const DELIVERY_TONES: Record<Delivery, BadgeTone> = {
  queued: 'ai',
  sent: 'green',
  failed: 'red',
  bounced: 'red',
};
const STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
const DELIVERIES = ['queued', 'sent', 'failed', 'bounced'] as const;

/** Invitations with how their email went; HR can filter, resend and revoke. */
export function InvitationsTable() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<InvitationFilters>({});
  const invitations = useInvitations(filters);
  const action = useInvitationAction();
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const run = (inv: Invitation, kind: 'resend' | 'revoke') => {
    if (kind === 'revoke' && !window.confirm(t('inviteDelivery.confirmRevoke', { email: inv.email }))) return;
    setNotice(null);
    action.mutate(
      { id: inv.id, action: kind },
      {
        onSuccess: () =>
          setNotice({
            tone: 'ok',
            text: t(kind === 'resend' ? 'inviteDelivery.resent' : 'inviteDelivery.revoked', {
              email: inv.email,
            }),
          }),
        onError: (error) =>
          setNotice({ tone: 'error', text: isApiError(error) ? error.message : t('errors.generic') }),
      },
    );
  };

  const filterBar = (
    <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:max-w-xl">
      <Select
        label={t('inviteDelivery.filterStatus')}
        value={filters.status ?? ''}
        emptyOption={t('inviteDelivery.all')}
        options={STATUSES.map((s) => ({ value: s, label: t(`invite.status.${s}`) }))}
        onChange={(e) =>
          setFilters((f) => ({ ...f, status: (e.target.value || undefined) as InvitationFilters['status'] }))
        }
      />
      <Select
        label={t('inviteDelivery.filterDelivery')}
        value={filters.delivery ?? ''}
        emptyOption={t('inviteDelivery.all')}
        options={DELIVERIES.map((s) => ({ value: s, label: t(`inviteDelivery.status.${s}`) }))}
        onChange={(e) =>
          setFilters((f) => ({
            ...f,
            delivery: (e.target.value || undefined) as InvitationFilters['delivery'],
          }))
        }
      />
    </div>
  );

  if (invitations.isPending) return <Spinner />;
  if (invitations.isError) {
    return (
      <ErrorBanner
        message={isApiError(invitations.error) ? invitations.error.message : t('errors.generic')}
        onRetry={() => void invitations.refetch()}
      />
    );
  }
  const items = invitations.data.pages.flatMap((p) => p.items);
  const isFiltered = Boolean(filters.status || filters.delivery);

  return (
    <div>
      {filterBar}
      {notice &&
        (notice.tone === 'ok' ? (
          <div className="mb-3">
            <SuccessBanner>{notice.text}</SuccessBanner>
          </div>
        ) : (
          <div className="mb-3">
            <ErrorBanner message={notice.text} />
          </div>
        ))}
      <DataTable
        caption={t('invite.recent')}
        minWidth="56rem"
        rows={items}
        rowKey={(inv) => inv.id}
        isBusy={invitations.isPlaceholderData}
        empty={
          <p className="text-sm text-slate-500">
            {isFiltered ? t('inviteDelivery.noneMatching') : t('invite.none')}
          </p>
        }
        columns={[
          {
            key: 'name',
            header: t('invite.columns.name'),
            cell: (inv) => inv.displayName,
            className: 'whitespace-nowrap font-medium text-slate-900',
          },
          {
            key: 'email',
            header: t('fields.email'),
            cell: (inv) => inv.email,
            className: 'break-all text-slate-700',
          },
          { key: 'role', header: t('invite.role'), cell: (inv) => <RoleBadge role={inv.role} /> },
          {
            key: 'status',
            header: t('invite.columns.status'),
            cell: (inv) => <Badge tone={STATUS_TONES[inv.status]}>{t(`invite.status.${inv.status}`)}</Badge>,
          },
          {
            key: 'delivery',
            header: t('inviteDelivery.column'),
            cell: (inv) => <DeliveryCell invitation={inv} />,
          },
          {
            key: 'sent',
            header: t('invite.columns.sent'),
            cell: (inv) => (
              <>
                {format.date(inv.lastSentAt ?? inv.createdAt)}
                {inv.sendCount > 1 && (
                  <span className="block text-xs text-slate-500">
                    {t('inviteDelivery.sendCount', { n: inv.sendCount })}
                  </span>
                )}
              </>
            ),
            className: 'whitespace-nowrap text-slate-600',
          },
          {
            key: 'expires',
            header: t('invite.columns.expires'),
            cell: (inv) => (inv.status === 'accepted' && inv.acceptedAt ? '—' : format.date(inv.expiresAt)),
            className: 'whitespace-nowrap text-slate-600',
          },
          {
            key: 'actions',
            header: <span className="sr-only">{t('inviteDelivery.actions')}</span>,
            cell: (inv) =>
              inv.status === 'pending' || inv.status === 'expired' ? (
                <div className="flex justify-end gap-1 whitespace-nowrap">
                  <Button
                    variant="secondary"
                    size="compact"
                    disabled={action.isPending}
                    onClick={() => run(inv, 'resend')}
                    aria-label={t('inviteDelivery.resendFor', { email: inv.email })}
                  >
                    {t('inviteDelivery.resend')}
                  </Button>
                  <Button
                    variant="ghost"
                    size="compact"
                    disabled={action.isPending}
                    onClick={() => run(inv, 'revoke')}
                    aria-label={t('inviteDelivery.revokeFor', { email: inv.email })}
                  >
                    {t('inviteDelivery.revoke')}
                  </Button>
                </div>
              ) : null,
          },
        ]}
      />
      {invitations.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <Button
            variant="secondary"
            size="sm"
            isBusy={invitations.isFetchingNextPage}
            onClick={() => void invitations.fetchNextPage()}
          >
            {t('inviteDelivery.more')}
          </Button>
        </div>
      )}
    </div>
  );
}

function DeliveryCell({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const status = invitation.deliveryStatus;
  if (!status) return <span className="text-slate-400">—</span>;
  return (
    <div className="max-w-56">
      <Badge tone={DELIVERY_TONES[status]}>{t(`inviteDelivery.status.${status}`)}</Badge>
      {invitation.deliveryError && (
        <p className="mt-1 break-words text-xs text-red-700" title={invitation.deliveryError}>
          {status === 'queued' ? t('inviteDelivery.retrying') : ''}
          {invitation.deliveryError.length > 120
            ? `${invitation.deliveryError.slice(0, 120)}…`
            : invitation.deliveryError}
        </p>
      )}
    </div>
  );
}
