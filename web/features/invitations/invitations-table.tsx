import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../common/invitations';
import { RoleBadge } from '../../components/member-badges';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { ErrorBanner } from '../../components/ui/banners';
import { DataTable } from '../../components/ui/data-table';
import { Spinner } from '../../components/ui/spinner';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useInvitations } from './use-invitations';

const STATUS_TONES: Record<Invitation['status'], BadgeTone> = {
  pending: 'amber',
  accepted: 'green',
  expired: 'neutral',
  revoked: 'red',
};

export function InvitationsTable() {
  const { t } = useTranslation();
  const format = useFormat();
  const invitations = useInvitations();

  if (invitations.isPending) return <Spinner />;
  if (invitations.isError) {
    return (
      <ErrorBanner
        message={isApiError(invitations.error) ? invitations.error.message : t('errors.generic')}
        onRetry={() => void invitations.refetch()}
      />
    );
  }
  const items = invitations.data.items;
  if (items.length === 0) return <p className="text-sm text-slate-500">{t('invite.none')}</p>;

  return (
    <DataTable
      caption={t('invite.recent')}
      minWidth="40rem"
      rows={items}
      rowKey={(inv) => inv.id}
      columns={[
        {
          key: 'name',
          header: t('invite.columns.name'),
          cell: (inv) => inv.displayName,
          className: 'font-medium text-slate-900',
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
          key: 'sent',
          header: t('invite.columns.sent'),
          cell: (inv) => format.date(inv.createdAt),
          className: 'whitespace-nowrap text-slate-600',
        },
        {
          key: 'expires',
          header: t('invite.columns.expires'),
          cell: (inv) => (inv.status === 'accepted' && inv.acceptedAt ? '—' : format.date(inv.expiresAt)),
          className: 'whitespace-nowrap text-slate-600',
        },
      ]}
    />
  );
}
