import { useTranslation } from 'react-i18next';
import { Card } from '#web/components/ui/card';
import { InvitationsTable } from '#web/features/invitations/invitations-table';
import { InviteForm } from '#web/features/invitations/invite-form';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { AdminMemberList } from './admin-member-list';
import { VisibilityLimitsEditor } from './visibility-limits-editor';

const SECTIONS = ['invite', 'invitations', 'members', 'limits'] as const;

export function AdminMembersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('admin.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('admin.lead')}</p>
        <nav aria-label={t('admin.sectionsLabel')} className="mt-4 flex flex-wrap gap-2">
          {SECTIONS.map((s) => (
            <a
              key={s}
              href={`#admin-${s}`}
              className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-ai-300 hover:text-ai-700"
            >
              {t(`admin.sections.${s}`)}
            </a>
          ))}
        </nav>
      </div>
      <Card title={t('admin.sections.invite')} id="admin-invite" className="scroll-mt-20">
        <InviteForm />
      </Card>
      <Card title={t('admin.sections.invitations')} id="admin-invitations" className="scroll-mt-20">
        <InvitationsTable />
      </Card>
      <Card title={t('admin.sections.members')} id="admin-members" className="scroll-mt-20">
        <AdminMemberList />
      </Card>
      <Card title={t('admin.sections.limits')} id="admin-limits" className="scroll-mt-20">
        <VisibilityLimitsEditor />
      </Card>
    </div>
  );
}
