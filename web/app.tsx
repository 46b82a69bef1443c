import { createBrowserRouter } from 'react-router';
// The DOM flavour, so navigations can ask for flushSync (see the directory filters).
import { RouterProvider } from 'react-router/dom';
import { Layout } from './components/layout';
import { NotFoundPage } from './components/not-found-page';
import { RequireAuth, RequireHr } from './components/require-auth';
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
            path: 'members/:id',
            lazy: async () => ({ Component: (await import('./features/members/profile-page')).ProfilePage }),
          },
          {
            path: 'members/:id/edit',
            lazy: async () => ({
              Component: (await import('./features/members/profile-edit-page')).ProfileEditPage,
            }),
          },
          {
            element: <RequireHr />,
            children: [
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
