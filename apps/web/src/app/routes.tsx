import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';

/**
 * Every screen, by address. Each page is loaded when first opened (its own chunk), so the first
 * screen carries only the frame. Addresses match the links notifications carry
 * (libs/notifications/src/web-links.ts): /documents/:id, /records/:id, /audits/:id, /me, …
 */
const AppLayout = lazy(() => import('./AppLayout'));
const LoginPage = lazy(() => import('../areas/account/LoginPage'));
const ChangePasswordPage = lazy(() => import('../areas/account/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
// --- home ---
const HomePage = lazy(() => import('../areas/home/HomePage'));
// --- account ---
const ProfilePage = lazy(() => import('../areas/account/ProfilePage'));
// --- notifications ---
const NotificationsPage = lazy(() => import('../areas/notifications/NotificationsPage'));
// --- search ---
const SearchPage = lazy(() => import('../areas/search/SearchPage'));
// --- documents ---
const DocumentsInForcePage = lazy(() => import('../areas/documents/InForcePage'));
const DocumentsListPage = lazy(() => import('../areas/documents/MyDocumentsPage'));
const DocumentsQueuePage = lazy(() => import('../areas/documents/QueuePage'));
const DocumentPage = lazy(() => import('../areas/documents/DocumentPage'));
const DocumentVersionPage = lazy(() => import('../areas/documents/VersionPage'));
// --- records ---
const RecordsPage = lazy(() => import('../areas/records/RecordsPage'));
const RecordDetailPage = lazy(() => import('../areas/records/RecordDetailPage'));
const RecordTypesPage = lazy(() => import('../areas/records/RecordTypesPage'));
const DisposalsPage = lazy(() => import('../areas/records/DisposalsPage'));
const DisposalDetailPage = lazy(() => import('../areas/records/DisposalDetailPage'));
const RegistersPage = lazy(() => import('../areas/registers/RegistersPage'));
// --- audits ---
const AuditProgrammesPage = lazy(() => import('../areas/audits/ProgrammesPage'));
const AuditProgrammePage = lazy(() => import('../areas/audits/ProgrammePage'));
const AuditsPage = lazy(() => import('../areas/audits/AuditsPage'));
const AuditPage = lazy(() => import('../areas/audits/AuditPage'));
// --- capa ---
const NonconformitiesPage = lazy(() => import('../areas/capa/NonconformitiesPage'));
const NonconformityPage = lazy(() => import('../areas/capa/NonconformityPage'));
const CapaRegisterPage = lazy(() => import('../areas/capa/CapaRegisterPage'));
const CorrectiveActionsPage = lazy(() => import('../areas/capa/CorrectiveActionsPage'));
const CorrectiveActionPage = lazy(() => import('../areas/capa/CorrectiveActionPage'));
// --- objectives ---
const ObjectivesPage = lazy(() => import('../areas/objectives/ObjectivesPage'));
const ObjectivePage = lazy(() => import('../areas/objectives/ObjectivePage'));
// --- conformity ---
const ReadinessPage = lazy(() => import('../areas/conformity/ReadinessPage'));
const DeclarationsPage = lazy(() => import('../areas/conformity/DeclarationsPage'));
const DeclarationPage = lazy(() => import('../areas/conformity/DeclarationPage'));
const OversightPage = lazy(() => import('../areas/oversight/OversightPage'));
// --- risks ---
const RisksPage = lazy(() => import('../areas/risks/RisksPage'));
const RiskPage = lazy(() => import('../areas/risks/RiskPage'));
// --- management reviews ---
const ManagementReviewsPage = lazy(() => import('../areas/management-reviews/ManagementReviewsPage'));
const ManagementReviewPage = lazy(() => import('../areas/management-reviews/ManagementReviewPage'));
// --- admin ---
const AgenciesPage = lazy(() => import('../areas/admin/AgenciesPage'));
const RestructurePage = lazy(() => import('../areas/admin/RestructurePage'));
const UsersPage = lazy(() => import('../areas/admin/UsersPage'));
const UserDetailPage = lazy(() => import('../areas/admin/UserDetailPage'));
const JobsPage = lazy(() => import('../areas/admin/JobsPage'));
const AuditTrailPage = lazy(() => import('../areas/admin/AuditTrailPage'));

export const ROUTES: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/change-password', element: <ChangePasswordPage /> },
          // --- home routes ---
          { path: '/', element: <HomePage /> },
          // --- account routes ---
          { path: '/me', element: <ProfilePage /> },
          // --- notifications routes ---
          { path: '/notifications', element: <NotificationsPage /> },
          // --- search routes ---
          { path: '/search', element: <SearchPage /> },
          // --- documents routes ---
          { path: '/documents', element: <DocumentsListPage /> },
          { path: '/documents/in-force', element: <DocumentsInForcePage /> },
          { path: '/documents/queue', element: <DocumentsQueuePage /> },
          { path: '/documents/:id', element: <DocumentPage /> },
          { path: '/documents/:id/versions/:vid', element: <DocumentVersionPage /> },
          // --- records routes ---
          { path: '/records', element: <RecordsPage /> },
          { path: '/records/:id', element: <RecordDetailPage /> },
          { path: '/record-types', element: <RecordTypesPage /> },
          { path: '/disposals', element: <DisposalsPage /> },
          { path: '/disposals/:id', element: <DisposalDetailPage /> },
          { path: '/registers', element: <RegistersPage /> },
          // --- audits routes ---
          { path: '/audit-programmes', element: <AuditProgrammesPage /> },
          { path: '/audit-programmes/:id', element: <AuditProgrammePage /> },
          { path: '/audits', element: <AuditsPage /> },
          { path: '/audits/:id', element: <AuditPage /> },
          // --- capa routes ---
          { path: '/nonconformities', element: <NonconformitiesPage /> },
          { path: '/nonconformities/register', element: <CapaRegisterPage /> },
          { path: '/nonconformities/:id', element: <NonconformityPage /> },
          { path: '/corrective-actions', element: <CorrectiveActionsPage /> },
          { path: '/corrective-actions/:id', element: <CorrectiveActionPage /> },
          // --- objectives routes ---
          { path: '/objectives', element: <ObjectivesPage /> },
          { path: '/objectives/:id', element: <ObjectivePage /> },
          // --- risks routes ---
          { path: '/risks', element: <RisksPage /> },
          { path: '/risks/:id', element: <RiskPage /> },
          // --- management reviews routes ---
          { path: '/management-reviews', element: <ManagementReviewsPage /> },
          { path: '/management-reviews/:id', element: <ManagementReviewPage /> },
          // --- conformity routes ---
          { path: '/conformity/readiness', element: <ReadinessPage /> },
          { path: '/conformity/declarations', element: <DeclarationsPage /> },
          { path: '/conformity/declarations/:id', element: <DeclarationPage /> },
          { path: '/oversight', element: <OversightPage /> },
          // --- admin routes ---
          { path: '/agencies', element: <AgenciesPage /> },
          { path: '/agencies/restructure', element: <RestructurePage /> },
          { path: '/users', element: <UsersPage /> },
          { path: '/users/:id', element: <UserDetailPage /> },
          { path: '/admin/jobs', element: <JobsPage /> },
          { path: '/audit-trail', element: <AuditTrailPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
