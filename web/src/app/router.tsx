import type { Permission } from '@anju/contracts';
import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/pages/LoginPage.tsx';
import { NotFoundPage } from '../ui/StatusPages.tsx';
import { PageLoading, RequirePermission, RequireSession, SessionWatch } from './access.tsx';
import {
  AppLayout,
  AuditPage,
  CasePage,
  CasesPage,
  ChangePasswordPage,
  CoveragePage,
  DeclarePage,
  GridsPage,
  HomePage,
  HouseholdCreatePage,
  HouseholdDetailPage,
  HouseholdsPage,
  ImportPage,
  ImportsPage,
  IncidentPage,
  KpiPage,
  LeadsPage,
  MyReportsPage,
  OverviewPage,
  PartyPage,
  PersonDetailPage,
  PersonsPage,
  PlacesPage,
  PlansPage,
  PolicyPage,
  ReportPage,
  TodayPage,
  UsersPage,
  VisitDetailPage,
  VisitNewPage,
  WorkbenchPage,
} from './pages.tsx';

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  {
    element: <SessionWatch />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: (
              <Suspense fallback={<PageLoading />}>
                <AppLayout />
              </Suspense>
            ),
            children: [
              { index: true, element: <HomePage /> },
              { path: 'places', element: guarded('place:read', <PlacesPage />) },
              { path: 'places/:id', element: guarded('place:read', <PlacesPage />) },
              { path: 'registry/households', element: guarded('person:read', <HouseholdsPage />) },
              { path: 'registry/households/new', element: guarded('person:write', <HouseholdCreatePage />) },
              {
                path: 'registry/households/:id',
                element: guarded('person:read', <HouseholdDetailPage />),
              },
              { path: 'registry/persons', element: guarded('person:read', <PersonsPage />) },
              { path: 'registry/persons/:id', element: guarded('person:read', <PersonDetailPage />) },
              { path: 'registry/import', element: guarded('person:import', <ImportPage />) },
              { path: 'grids', element: guarded('grid:read', <GridsPage />) },
              { path: 'grids/:communityId', element: guarded('grid:read', <GridsPage />) },
              { path: 'party', element: guarded('party:read', <PartyPage />) },
              { path: 'party/:communityId', element: guarded('party:read', <PartyPage />) },
              { path: 'incidents', element: guarded('incident:read', <WorkbenchPage />) },
              { path: 'incidents/new', element: guarded('incident:report', <ReportPage />) },
              { path: 'incidents/mine', element: guarded('incident:report', <MyReportsPage />) },
              { path: 'incidents/:id', element: guarded('incident:report', <IncidentPage />) },
              { path: 'incidents/kpi', element: guarded('incident:read', <KpiPage />) },
              { path: 'monitoring/overview', element: guarded('monitoring:read', <OverviewPage />) },
              { path: 'monitoring/leads', element: guarded('monitoring:read', <LeadsPage />) },
              { path: 'monitoring/cases', element: guarded('monitoring:read', <CasesPage />) },
              { path: 'monitoring/cases/:id', element: guarded('monitoring:read', <CasePage />) },
              { path: 'monitoring/policy', element: guarded('monitoring:read', <PolicyPage />) },
              { path: 'monitoring/imports', element: guarded('monitoring:write', <ImportsPage />) },
              { path: 'monitoring/declare', element: guarded('monitoring:declare', <DeclarePage />) },
              { path: 'visits', element: guarded('visit:write', <TodayPage />) },
              { path: 'visits/new', element: guarded('visit:write', <VisitNewPage />) },
              { path: 'visits/coverage', element: guarded('visit:read', <CoveragePage />) },
              { path: 'visits/plans', element: guarded('visit:read', <PlansPage />) },
              { path: 'visits/:id', element: guarded('visit:read', <VisitDetailPage />) },
              { path: 'admin/users', element: guarded('user:read', <UsersPage />) },
              { path: 'admin/audit', element: guarded('audit:read', <AuditPage />) },
              { path: 'password', element: <ChangePasswordPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
