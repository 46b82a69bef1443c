import { createBrowserRouter } from 'react-router';
// The DOM flavour, so navigations can ask for flushSync (see the directory filters).
import { RouterProvider } from 'react-router/dom';
import { Layout } from './components/layout';
import { NotFoundPage } from './components/not-found-page';
import { RequireAdmin, RequireAuth, RequireHr } from './components/require-auth';
import { PageSpinner } from './components/ui/spinner';

// Each page is its own chunk, so the first page loads only what it needs.
const router = createBrowserRouter([
  {
    element: <Layout />,
    HydrateFallback: PageSpinner,
    children: [
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('./features/auth/login-page')).LoginPage }),
      },
      {
        path: 'account-deleted',
        lazy: async () => ({
          Component: (await import('./features/privacy/account-deleted-page')).AccountDeletedPage,
        }),
      },
      {
        path: 'join',
        lazy: async () => ({ Component: (await import('./features/verification/join-page')).JoinPage }),
      },
      {
        path: 'referral-consent',
        lazy: async () => ({
          Component: (await import('./features/referrals/referral-consent-page')).ReferralConsentPage,
        }),
      },
      {
        path: 'freshness/confirm',
        lazy: async () => ({
          Component: (await import('./features/freshness/freshness-confirm-page')).FreshnessConfirmPage,
        }),
      },
      {
        path: 'unsubscribe',
        lazy: async () => ({
          Component: (await import('./features/digest/unsubscribe-page')).UnsubscribePage,
        }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('./features/account/forgot-password-page')).ForgotPasswordPage,
        }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('./features/account/reset-password-page')).ResetPasswordPage,
        }),
      },
      {
        path: 'invite/:token',
        lazy: async () => ({
          Component: (await import('./features/invitations/accept-invitation-page')).AcceptInvitationPage,
        }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./features/home/home-page')).HomePage }),
          },
          {
            path: 'directory',
            lazy: async () => ({
              Component: (await import('./features/directory/directory-page')).DirectoryPage,
            }),
          },
          {
            path: 'welcome',
            lazy: async () => ({ Component: (await import('./features/consents/welcome-page')).WelcomePage }),
          },
          {
            path: 'settings/privacy',
            lazy: async () => ({
              Component: (await import('./features/consents/privacy-settings-page')).PrivacySettingsPage,
            }),
          },
          {
            path: 'settings/digest',
            lazy: async () => ({
              Component: (await import('./features/digest/digest-settings-page')).DigestSettingsPage,
            }),
          },
          {
            path: 'settings/security',
            lazy: async () => ({
              Component: (await import('./features/account/security-settings-page')).SecuritySettingsPage,
            }),
          },
          {
            path: 'notifications',
            lazy: async () => ({
              Component: (await import('./features/notifications/notifications-page')).NotificationsPage,
            }),
          },
          {
            path: 'settings/notifications',
            lazy: async () => ({
              Component: (await import('./features/notifications/notification-settings-page'))
                .NotificationSettingsPage,
            }),
          },
          // Events: the attendance pages (issue 13 §3–§5).
          {
            path: 'events/:id/ticket',
            lazy: async () => ({
              Component: (await import('./features/event-attendance/ticket-page')).TicketPage,
            }),
          },
          {
            path: 'events/:id/check-in',
            lazy: async () => ({
              Component: (await import('./features/event-attendance/check-in-page')).CheckInPage,
            }),
          },
          {
            path: 'events/:id/survey',
            lazy: async () => ({
              Component: (await import('./features/event-attendance/survey-page')).SurveyPage,
            }),
          },
          {
            path: 'events/:id/results',
            lazy: async () => ({
              Component: (await import('./features/event-attendance/survey-results-page')).SurveyResultsPage,
            }),
          },
          {
            path: 'events/:id/materials',
            lazy: async () => ({
              Component: (await import('./features/event-attendance/materials-page')).MaterialsPage,
            }),
          },
          {
            path: 'events/:id/attendees',
            lazy: async () => ({
              Component: (await import('./features/event-attendance/fellow-attendees-page'))
                .FellowAttendeesPage,
            }),
          },
          {
            path: 'settings/my-data',
            lazy: async () => ({ Component: (await import('./features/privacy/my-data-page')).MyDataPage }),
          },
          {
            path: 'members/:id',
            lazy: async () => ({ Component: (await import('./features/members/profile-page')).ProfilePage }),
          },
          {
            path: 'exits/:id',
            lazy: async () => ({ Component: (await import('./features/exits/case-page')).CasePage }),
          },
          {
            path: 'me/exit',
            lazy: async () => ({ Component: (await import('./features/exits/case-page')).MyExitPage }),
          },
          {
            path: 'manager/exits',
            lazy: async () => ({
              Component: (await import('./features/exits/manager-exits-page')).ManagerExitsPage,
            }),
          },
          {
            path: 'members/:id/edit',
            lazy: async () => ({
              Component: (await import('./features/members/profile-edit-page')).ProfileEditPage,
            }),
          },
          {
            path: 'events',
            lazy: async () => ({ Component: (await import('./features/events/events-page')).EventsPage }),
          },
          {
            path: 'events/new',
            lazy: async () => ({
              Component: (await import('./features/events/event-form-page')).EventFormPage,
            }),
          },
          {
            path: 'events/series/:id',
            lazy: async () => ({ Component: (await import('./features/events/series-page')).SeriesPage }),
          },
          {
            path: 'events/:id',
            lazy: async () => ({ Component: (await import('./features/events/event-page')).EventPage }),
          },
          {
            path: 'events/:id/edit',
            lazy: async () => ({
              Component: (await import('./features/events/event-form-page')).EventFormPage,
            }),
          },
          {
            path: 'jobs',
            lazy: async () => ({ Component: (await import('./features/jobs/jobs-page')).JobsPage }),
          },
          {
            path: 'jobs/fit',
            lazy: async () => ({ Component: (await import('./features/jobs/jobs-page')).FitJobsPage }),
          },
          {
            path: 'jobs/alerts',
            lazy: async () => ({
              Component: (await import('./features/job-alerts/job-alerts-page')).JobAlertsPage,
            }),
          },
          {
            path: 'jobs/:id',
            lazy: async () => ({ Component: (await import('./features/jobs/job-page')).JobPage }),
          },
          {
            path: 'mentors',
            lazy: async () => ({ Component: (await import('./features/advice/mentors-page')).MentorsPage }),
          },
          {
            path: 'advice',
            lazy: async () => ({ Component: (await import('./features/advice/advice-page')).AdvicePage }),
          },
          {
            path: 'advice/new',
            lazy: async () => ({
              Component: (await import('./features/advice/advice-form-page')).AdviceFormPage,
            }),
          },
          {
            path: 'people/connections',
            lazy: async () => ({
              Component: (await import('./features/connections/connections-page')).ConnectionsPage,
            }),
          },
          {
            path: 'groups',
            lazy: async () => ({ Component: (await import('./features/groups/groups-page')).GroupsPage }),
          },
          {
            path: 'people',
            lazy: async () => ({
              Component: (await import('./features/suggestions/people-page')).PeoplePage,
            }),
          },
          {
            path: 'groups/new',
            lazy: async () => ({
              Component: (await import('./features/groups/group-form-page')).NewGroupPage,
            }),
          },
          {
            path: 'groups/:id',
            lazy: async () => ({ Component: (await import('./features/groups/group-page')).GroupPage }),
          },
          {
            path: 'messages',
            lazy: async () => ({
              Component: (await import('./features/messaging/messages-page')).MessagesPage,
            }),
          },
          {
            path: 'messages/new',
            lazy: async () => ({
              Component: (await import('./features/messaging/new-message-page')).NewMessagePage,
            }),
          },
          {
            path: 'messages/:id',
            lazy: async () => ({
              Component: (await import('./features/messaging/conversation-page')).ConversationPage,
            }),
          },
          {
            path: 'posts/:id/share',
            lazy: async () => ({ Component: (await import('./features/sharing/share-page')).SharePage }),
          },
          {
            path: 'feed',
            lazy: async () => ({ Component: (await import('./features/home/feed-page')).FeedPage }),
          },
          {
            path: 'posts/:id',
            lazy: async () => ({ Component: (await import('./features/posts/post-page')).PostPage }),
          },
          {
            path: 'topics/:topic',
            lazy: async () => ({ Component: (await import('./features/posts/topic-page')).TopicPage }),
          },
          {
            path: 'referrals',
            lazy: async () => ({
              Component: (await import('./features/referrals/my-referrals-page')).MyReferralsPage,
            }),
          },
          {
            path: 'careers/paths',
            lazy: async () => ({
              Component: (await import('./features/careers/career-paths-page')).CareerPathsPage,
            }),
          },
          {
            path: 'careers/return',
            lazy: async () => ({
              Component: (await import('./features/return-interests/return-page')).ReturnInterestPage,
            }),
          },
          {
            element: <RequireHr />,
            children: [
              {
                // Admin-only pages: HR sees "admins only" (decision 027).
                element: <RequireAdmin />,
                children: [
                  {
                    path: 'admin/settings/retention',
                    lazy: async () => ({
                      Component: (await import('./features/privacy/retention-settings-page'))
                        .RetentionSettingsPage,
                    }),
                  },
                  {
                    path: 'admin/settings/branding',
                    lazy: async () => ({
                      Component: (await import('./features/branding/branding-settings-page'))
                        .BrandingSettingsPage,
                    }),
                  },
                ],
              },
              {
                path: 'admin/events/stats',
                lazy: async () => ({
                  Component: (await import('./features/events/event-stats-page')).EventStatsPage,
                }),
              },
              {
                path: 'admin/advice',
                lazy: async () => ({
                  Component: (await import('./features/advice/admin-advice-page')).AdminAdvicePage,
                }),
              },
              {
                path: 'admin/groups',
                lazy: async () => ({
                  Component: (await import('./features/groups/admin-groups-page')).AdminGroupsPage,
                }),
              },
              {
                path: 'admin/hr-records',
                lazy: async () => ({
                  Component: (await import('./features/hr-records/hr-records-page')).HrRecordsPage,
                }),
              },
              {
                path: 'admin/hr-imports/new',
                lazy: async () => ({
                  Component: (await import('./features/hr-records/hr-import-new-page')).HrImportNewPage,
                }),
              },
              {
                path: 'admin/hr-imports/:id',
                lazy: async () => ({
                  Component: (await import('./features/hr-records/hr-import-page')).HrImportPage,
                }),
              },
              {
                path: 'admin/outbox',
                lazy: async () => ({
                  Component: (await import('./features/outbox/outbox-page')).OutboxPage,
                }),
              },
              {
                path: 'admin/join-requests',
                lazy: async () => ({
                  Component: (await import('./features/verification/join-requests-page')).JoinRequestsPage,
                }),
              },
              {
                path: 'admin/offboarding-templates',
                lazy: async () => ({
                  Component: (await import('./features/offboarding/templates-page')).OffboardingTemplatesPage,
                }),
              },
              {
                path: 'admin/exit-survey',
                lazy: async () => ({
                  Component: (await import('./features/exit-survey/admin-exit-survey-page'))
                    .AdminExitSurveyPage,
                }),
              },
              {
                path: 'admin/freshness',
                lazy: async () => ({
                  Component: (await import('./features/freshness/admin-freshness-page')).AdminFreshnessPage,
                }),
              },
              {
                path: 'admin/exits',
                lazy: async () => ({
                  Component: (await import('./features/exits/admin-exits-page')).AdminExitsPage,
                }),
              },
              {
                path: 'admin/moderation',
                lazy: async () => ({
                  Component: (await import('./features/moderation/admin-moderation-page'))
                    .AdminModerationPage,
                }),
              },
              {
                path: 'admin/moderation/people',
                lazy: async () => ({
                  Component: (await import('./features/messaging/admin-people-reports-page'))
                    .AdminPeopleReportsPage,
                }),
              },
              {
                path: 'admin/moderation/suspensions',
                lazy: async () => ({
                  Component: (await import('./features/moderation/admin-suspensions-page'))
                    .AdminSuspensionsPage,
                }),
              },
              {
                path: 'admin/jobs',
                lazy: async () => ({
                  Component: (await import('./features/jobs/admin-jobs-page')).AdminJobsPage,
                }),
              },
              {
                path: 'admin/jobs/new',
                lazy: async () => ({
                  Component: (await import('./features/jobs/job-form-page')).JobFormPage,
                }),
              },
              {
                path: 'admin/jobs/:id/edit',
                lazy: async () => ({
                  Component: (await import('./features/jobs/job-form-page')).JobFormPage,
                }),
              },
              {
                path: 'admin/pipeline',
                lazy: async () => ({
                  Component: (await import('./features/pipeline/admin-pipeline-page')).AdminPipelinePage,
                }),
              },
              {
                path: 'admin/pipeline/:id',
                lazy: async () => ({
                  Component: (await import('./features/pipeline/pipeline-card-page')).PipelineCardPage,
                }),
              },
              {
                path: 'admin/referrals',
                lazy: async () => ({
                  Component: (await import('./features/referrals/admin-referrals-page')).AdminReferralsPage,
                }),
              },
              {
                path: 'admin/company-posters',
                lazy: async () => ({
                  Component: (await import('./features/posts/admin-company-posters-page'))
                    .AdminCompanyPostersPage,
                }),
              },
              {
                path: 'admin/members',
                lazy: async () => ({
                  Component: (await import('./features/admin/admin-members-page')).AdminMembersPage,
                }),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
