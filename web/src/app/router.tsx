import type { Permission } from '@anju/contracts';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AuditPage } from '../features/audit/pages/AuditPage.tsx';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/pages/LoginPage.tsx';
import { IncidentPage } from '../features/incidents/pages/IncidentPage.tsx';
import { MyReportsPage } from '../features/incidents/pages/MyReportsPage.tsx';
import { ReportPage } from '../features/incidents/pages/ReportPage.tsx';
import { WorkbenchPage } from '../features/incidents/pages/WorkbenchPage.tsx';
import { GridsPage } from '../features/grids/pages/GridsPage.tsx';
import { HomePage } from '../features/home/pages/HomePage.tsx';
import { KpiPage } from '../features/kpi/pages/KpiPage.tsx';
import { CasePage } from '../features/cases/pages/CasePage.tsx';
import { CasesPage } from '../features/cases/pages/CasesPage.tsx';
import { DeclarePage } from '../features/monitoring/pages/DeclarePage.tsx';
import { LeadsPage } from '../features/monitoring/pages/LeadsPage.tsx';
import { PolicyPage } from '../features/monitoring/pages/PolicyPage.tsx';
import { ImportsPage } from '../features/monitoring-imports/pages/ImportsPage.tsx';
import { OverviewPage } from '../features/monitoring-overview/pages/OverviewPage.tsx';
import { PartyPage } from '../features/party/pages/PartyPage.tsx';
import { PlacesPage } from '../features/places/pages/PlacesPage.tsx';
import { HouseholdCreatePage } from '../features/registry/pages/HouseholdCreatePage.tsx';
import { HouseholdDetailPage } from '../features/registry/pages/HouseholdDetailPage.tsx';
import { HouseholdsPage } from '../features/registry/pages/HouseholdsPage.tsx';
import { ImportPage } from '../features/registry/pages/ImportPage.tsx';
import { PersonDetailPage } from '../features/registry/pages/PersonDetailPage.tsx';
import { PersonsPage } from '../features/registry/pages/PersonsPage.tsx';
import { UsersPage } from '../features/users/pages/UsersPage.tsx';
import { CoveragePage } from '../features/visits/pages/CoveragePage.tsx';
import { PlansPage } from '../features/visits/pages/PlansPage.tsx';
import { TodayPage } from '../features/visits/pages/TodayPage.tsx';
import { VisitDetailPage } from '../features/visits/pages/VisitDetailPage.tsx';
import { VisitNewPage } from '../features/visits/pages/VisitNewPage.tsx';
import { NotFoundPage } from '../ui/StatusPages.tsx';
import { householdTabs } from './householdTabs.tsx';
import { RequirePermission, RequireSession, SessionWatch } from './access.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

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
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'places', element: guarded('place:read', <PlacesPage />) },
              { path: 'places/:id', element: guarded('place:read', <PlacesPage />) },
              { path: 'registry/households', element: guarded('person:read', <HouseholdsPage />) },
              { path: 'registry/households/new', element: guarded('person:write', <HouseholdCreatePage />) },
              {
                path: 'registry/households/:id',
                element: guarded('person:read', <HouseholdDetailPage tabs={householdTabs} />),
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
