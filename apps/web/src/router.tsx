import { ARTICLE_LANGUAGES, ARTICLE_STATUSES, MACHINE_STATUSES } from '@itsm/contracts';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { z } from 'zod';
import { isAdmin, meQuery, sessionEndedUnexpectedly } from './features/auth/session';
import { ForbiddenPage, NotFoundPage } from './features/shell/status-pages';
import { queryClient } from './lib/query-client';

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// Public pages: sign-in and password recovery.
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: z.object({ redirect: z.string().optional(), expired: z.boolean().optional() }),
  component: lazyRouteComponent(() => import('./features/auth/login-page'), 'LoginPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./features/auth/forgot-password-page'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: z.object({ token: z.string().default(''), invitation: z.coerce.number().optional() }),
  component: lazyRouteComponent(() => import('./features/auth/reset-password-page'), 'ResetPasswordPage'),
});

// The public help center: the public knowledge base, read without signing in and outside the shell
// (the server answers 404 while an administrator has not opened it).
const publicKbRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/kb',
  validateSearch: z.object({
    q: z
      .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string())
      .optional()
      .catch(undefined),
    page: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
  }),
  component: lazyRouteComponent(() => import('./features/knowledge/public-kb-pages'), 'PublicKnowledgePage'),
});

const publicArticleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/kb/articles/$id',
  component: lazyRouteComponent(() => import('./features/knowledge/public-kb-pages'), 'PublicArticlePage'),
});

// Everything else needs a signed-in user, inside the shell.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const expired = sessionEndedUnexpectedly() || undefined;
      throw redirect({ to: '/login', search: { redirect: location.href, expired } });
    }
    // A pending requirement (new password, MFA enrolment) sends to the page that meets it.
    if (me.requirement && location.pathname !== '/account/required') {
      throw redirect({ to: '/account/required' });
    }
    return { me };
  },
  component: lazyRouteComponent(() => import('./features/shell/app-shell'), 'AppShell'),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/dashboard/home-dashboard'), 'HomeDashboard'),
});

const requiredRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/required',
  component: lazyRouteComponent(() => import('./features/account/requirement-page'), 'RequirementPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  validateSearch: z.object({
    tab: z.enum(['profile', 'security', 'tokens', 'sessions', 'notifications']).optional().catch(undefined),
    // The API tokens list (tokens tab).
    page: z.coerce.number().int().min(1).optional().catch(undefined),
    ordering: z.string().optional(),
  }),
  component: lazyRouteComponent(() => import('./features/account/account-page'), 'AccountPage'),
});

// Administration: administrators only (technicians and users get the 403 page).
const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: ({ context }) => {
    const me = (context as { me?: { role: string } }).me;
    if (!me || !isAdmin(me as { role: 'admin' })) throw redirect({ to: '/forbidden' });
  },
  component: Outlet,
});

/** `?success=true` typed by hand arrives parsed as a boolean, set by the page as text: accept both. */
const booleanText = z
  .preprocess((value) => (typeof value === 'boolean' ? String(value) : value), z.enum(['true', 'false']))
  .optional()
  .catch(undefined);

const listSearch = z.object({
  page: z.coerce.number().int().min(1).optional(),
  search: z.string().optional(),
  ordering: z.string().optional(),
});

// A calendar day of the journals' date filters (`YYYY-MM-DD`); anything else is dropped.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

const adminPages = [
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/users',
    validateSearch: listSearch.extend({
      role: z.enum(['admin', 'technician', 'user']).optional().catch(undefined),
      structure: z.coerce.number().int().positive().optional().catch(undefined),
      site: z.coerce.number().int().positive().optional().catch(undefined),
      is_active: booleanText,
    }),
    component: lazyRouteComponent(() => import('./features/users/users-page'), 'UsersPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/structures',
    component: lazyRouteComponent(() => import('./features/structures/structures-page'), 'StructuresPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/groups',
    validateSearch: listSearch.extend({
      structure: z.coerce.number().int().positive().optional().catch(undefined),
    }),
    component: lazyRouteComponent(() => import('./features/groups/groups-page'), 'GroupsPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/sites',
    validateSearch: listSearch.extend({
      structure: z.coerce.number().int().positive().optional().catch(undefined),
    }),
    component: lazyRouteComponent(() => import('./features/sites/sites-page'), 'SitesPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/login-events',
    validateSearch: listSearch.extend({
      user: z.coerce.number().int().positive().optional().catch(undefined),
      success: booleanText,
      ip: z.string().optional(),
      from: day,
      to: day,
    }),
    component: lazyRouteComponent(() => import('./features/journal/login-events-page'), 'LoginEventsPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/audit-log',
    validateSearch: listSearch.extend({
      action: z.string().optional(),
      actor: z.coerce.number().int().positive().optional().catch(undefined),
      target_type: z.string().optional(),
      from: day,
      to: day,
    }),
    component: lazyRouteComponent(() => import('./features/journal/audit-log-page'), 'AuditLogPage'),
  }),
  // Help desk configuration.
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/ticket-categories',
    component: lazyRouteComponent(
      () => import('./features/ticket-admin/categories-page'),
      'TicketCategoriesPage',
    ),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/slas',
    validateSearch: listSearch.extend({ is_active: booleanText }),
    component: lazyRouteComponent(() => import('./features/ticket-admin/slas-page'), 'SlasPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/calendars',
    validateSearch: listSearch,
    component: lazyRouteComponent(() => import('./features/ticket-admin/calendars-page'), 'CalendarsPage'),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/ticket-rules',
    validateSearch: z.object({ tab: z.enum(['assignment', 'sla']).optional().catch(undefined) }),
    component: lazyRouteComponent(
      () => import('./features/ticket-admin/ticket-rules-page'),
      'TicketRulesPage',
    ),
  }),
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/ticket-settings',
    component: lazyRouteComponent(
      () => import('./features/ticket-admin/ticket-settings-page'),
      'TicketSettingsPage',
    ),
  }),
  // Where enrolled agents land: administrators only.
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/enrollment-keys',
    validateSearch: listSearch.extend({
      structure: z.coerce.number().int().positive().optional().catch(undefined),
      revoked: booleanText,
    }),
    component: lazyRouteComponent(
      () => import('./features/enrollment-keys/enrollment-keys-page'),
      'EnrollmentKeysPage',
    ),
  }),
  // The knowledge base's categories.
  createRoute({
    getParentRoute: () => adminRoute,
    path: '/kb-categories',
    component: lazyRouteComponent(() => import('./features/knowledge/categories-page'), 'KbCategoriesPage'),
  }),
];

/** A text typed in the URL that looks like a number (`?search=42`) arrives parsed as one: keep it as text. */
const text = z
  .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string())
  .optional()
  .catch(undefined);
const id = z.coerce.number().int().positive().optional().catch(undefined);
const idOrNone = z
  .union([z.literal('none'), z.coerce.number().int().positive()])
  .optional()
  .catch(undefined);

// The help desk: every signed-in user (the API scopes the tickets each one sees). The list's filters are
// checked loosely here and strictly by the page (features/tickets/ticket-query.ts).
const ticketPages = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/tickets',
    validateSearch: z.object({
      page: z.coerce.number().int().min(1).optional().catch(undefined),
      ordering: text,
      search: text,
      view: text,
      status: text,
      priority: text,
      type: text,
      category: id,
      assignee: idOrNone,
      group: idOrNone,
      sla_state: text,
    }),
    component: lazyRouteComponent(() => import('./features/tickets/tickets-page'), 'TicketsPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/tickets/new',
    component: lazyRouteComponent(() => import('./features/tickets/new-ticket-page'), 'NewTicketPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/tickets/$id',
    component: lazyRouteComponent(() => import('./features/tickets/ticket-page'), 'TicketPage'),
  }),
];

// The machines: every signed-in user (the API scopes them: a user sees the computers he is the main user of).
const machinePages = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/machines',
    validateSearch: z.object({
      page: z.coerce.number().int().min(1).optional().catch(undefined),
      ordering: text,
      search: text,
      status: z.enum(MACHINE_STATUSES).optional().catch(undefined),
      os: text,
      structure: id,
      site: id,
      software: text,
      software_version: text,
      not_seen_days: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
    }),
    component: lazyRouteComponent(() => import('./features/machines/machines-page'), 'MachinesPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/machines/$id',
    validateSearch: z.object({
      tab: z
        .enum(['summary', 'hardware', 'network', 'software', 'history', 'tickets'])
        .optional()
        .catch(undefined),
    }),
    component: lazyRouteComponent(() => import('./features/machines/machine-page'), 'MachinePage'),
  }),
];

// The knowledge base: every signed-in user reads it (the API gives readers the published articles
// meant for them); the support team writes, reviews and restores.
const staffOnly = ({ context }: { context: unknown }) => {
  const me = (context as { me?: { role: string } }).me;
  if (me?.role !== 'admin' && me?.role !== 'technician') throw redirect({ to: '/forbidden' });
};

const knowledgePages = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/kb',
    validateSearch: z.object({
      search: text,
      category: id,
      tag: text,
      language: z.enum(ARTICLE_LANGUAGES).optional().catch(undefined),
      // Staff: the articles of another status (the page ignores it for readers, as the API does).
      status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
      view: z.enum(['review', 'due', 'drafts']).optional().catch(undefined),
      page: z.coerce.number().int().min(1).optional().catch(undefined),
    }),
    component: lazyRouteComponent(() => import('./features/knowledge/knowledge-home'), 'KnowledgeHome'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/kb/articles/new',
    beforeLoad: staffOnly,
    // An article written from a ticket: the editor starts from the ticket's problem and solution.
    validateSearch: z.object({ from_ticket: id }),
    component: lazyRouteComponent(() => import('./features/knowledge/article-editor-page'), 'NewArticlePage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/kb/faq-candidates',
    beforeLoad: staffOnly,
    validateSearch: z.object({
      days: z.coerce.number().int().min(1).max(365).optional().catch(undefined),
      min_size: z.coerce.number().int().min(2).max(100).optional().catch(undefined),
    }),
    component: lazyRouteComponent(
      () => import('./features/knowledge/faq-candidates-page'),
      'FaqCandidatesPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/kb/articles/$id',
    component: lazyRouteComponent(() => import('./features/knowledge/article-page'), 'ArticlePage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/kb/articles/$id/edit',
    beforeLoad: staffOnly,
    component: lazyRouteComponent(
      () => import('./features/knowledge/article-editor-page'),
      'EditArticlePage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/kb/articles/$id/history',
    beforeLoad: staffOnly,
    validateSearch: z.object({
      from: z.coerce.number().int().positive().optional().catch(undefined),
      to: z.coerce.number().int().positive().optional().catch(undefined),
      page: z.coerce.number().int().min(1).optional().catch(undefined),
    }),
    component: lazyRouteComponent(
      () => import('./features/knowledge/article-history-page'),
      'ArticleHistoryPage',
    ),
  }),
];

const forbiddenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forbidden',
  component: ForbiddenPage,
});

// Canned responses: technicians and administrators (users get the 403 page).
const cannedResponsesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/canned-responses',
  beforeLoad: ({ context }) => {
    const me = (context as { me?: { role: string } }).me;
    if (me?.role !== 'admin' && me?.role !== 'technician') throw redirect({ to: '/forbidden' });
  },
  validateSearch: listSearch.extend({ owner: z.enum(['shared', 'mine']).optional().catch(undefined) }),
  component: lazyRouteComponent(
    () => import('./features/ticket-admin/canned-responses-page'),
    'CannedResponsesPage',
  ),
});

// Satisfaction results: the support team (the API scopes them to the tickets each one sees).
const satisfactionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/satisfaction',
  beforeLoad: ({ context }) => {
    const me = (context as { me?: { role: string } }).me;
    if (me?.role !== 'admin' && me?.role !== 'technician') throw redirect({ to: '/forbidden' });
  },
  validateSearch: z.object({ by: z.enum(['assignee', 'group', 'category']).catch('assignee') }),
  component: lazyRouteComponent(() => import('./features/tickets/satisfaction-page'), 'SatisfactionPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  publicKbRoute,
  publicArticleRoute,
  appRoute.addChildren([
    homeRoute,
    requiredRoute,
    accountRoute,
    forbiddenRoute,
    cannedResponsesRoute,
    satisfactionRoute,
    ...ticketPages,
    ...machinePages,
    ...knowledgePages,
    adminRoute.addChildren(adminPages),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
