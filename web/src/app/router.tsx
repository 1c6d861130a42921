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
  EnterprisesPage,
  GridsPage,
  HomePage,
  HouseholdCreatePage,
  HouseholdDetailPage,
  HouseholdsPage,
  ImportPage,
  ImportsPage,
  JobBoardPage,
  MyNeedsPage,
  NeedPage,
  NeedsPage,
  OrgsPage,
  OrgPage,
  ProjectsPage,
  ProviderProjectsPage,
  MyProjectsPage,
  ProjectPage,
  ProviderNeedsPage,
  ResourcesPage,
  FundAccountsPage,
  FundApprovalsPage,
  FundBudgetPage,
  FundJournalPage,
  DisclosuresPage,
  PublicDisclosurePage,
  JobDetailPage,
  JobsPage,
  IncidentPage,
  KpiPage,
  CategoriesPage,
  CalendarPage,
  LeadsPage,
  MyReportsPage,
  NotificationSettingsPage,
  OverviewPage,
  PartyPage,
  PersonDetailPage,
  PersonsPage,
  PlacesPage,
  PlansPage,
  PolicyPage,
  ReportPage,
  ServicesPage,
  TodayPage,
  UsersPage,
  UserImportPage,
  VisitDetailPage,
  LabourPage,
  MyJobDetailPage,
  MyJobsPage,
  SurveyPage,
  ZeroPage,
  LedgerPage,
  ZeroDetailPage,
  FiguresPage,
  CoursesPage,
  SitePage,
  SiteProjectPage,
  SitesPage,
  CourseDetailPage,
  SurveysPage,
  CampaignPage,
  AnswerPage,
  PostsPage,
  PostDetailPage,
  VisitNewPage,
  WorkbenchPage,
  VolunteerActivitiesPage,
  VolunteerActivityPage,
  VolunteersPage,
  MyVolunteeringPage,
  VolunteerCheckInPage,
  CertificateVerifyPage,
} from './pages.tsx';

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  {
    element: <SessionWatch />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/verify/:serial?',
        element: (
          <Suspense fallback={<PageLoading />}>
            <CertificateVerifyPage />
          </Suspense>
        ),
      },
      {
        path: '/open/:code',
        element: (
          <Suspense fallback={<PageLoading />}>
            <PublicDisclosurePage />
          </Suspense>
        ),
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: (
              <Suspense fallback={<PageLoading />}>
                <AppLayout />
              </Suspense>
            ),
            // the loaders start fetching the frame and the page while the session is still checked
            loader: AppLayout.preload,
            children: [
              { index: true, element: <HomePage />, loader: HomePage.preload },
              { path: 'places', element: guarded('place:read', <PlacesPage />), loader: PlacesPage.preload },
              {
                path: 'places/:id',
                element: guarded('place:read', <PlacesPage />),
                loader: PlacesPage.preload,
              },
              {
                path: 'registry/households',
                element: guarded('person:read', <HouseholdsPage />),
                loader: HouseholdsPage.preload,
              },
              {
                path: 'registry/households/new',
                element: guarded('person:write', <HouseholdCreatePage />),
                loader: HouseholdCreatePage.preload,
              },
              {
                path: 'registry/households/:id',
                element: guarded('person:read', <HouseholdDetailPage />),
                loader: HouseholdDetailPage.preload,
              },
              {
                path: 'registry/persons',
                element: guarded('person:read', <PersonsPage />),
                loader: PersonsPage.preload,
              },
              {
                path: 'registry/persons/:id',
                element: guarded('person:read', <PersonDetailPage />),
                loader: PersonDetailPage.preload,
              },
              {
                path: 'registry/import',
                element: guarded('person:import', <ImportPage />),
                loader: ImportPage.preload,
              },
              { path: 'grids', element: guarded('grid:read', <GridsPage />), loader: GridsPage.preload },
              {
                path: 'grids/:communityId',
                element: guarded('grid:read', <GridsPage />),
                loader: GridsPage.preload,
              },
              { path: 'party', element: guarded('party:read', <PartyPage />), loader: PartyPage.preload },
              {
                path: 'party/:communityId',
                element: guarded('party:read', <PartyPage />),
                loader: PartyPage.preload,
              },
              {
                path: 'incidents',
                element: guarded('incident:read', <WorkbenchPage />),
                loader: WorkbenchPage.preload,
              },
              {
                path: 'incidents/new',
                element: guarded('incident:report', <ReportPage />),
                loader: ReportPage.preload,
              },
              {
                path: 'incidents/mine',
                element: guarded('incident:report', <MyReportsPage />),
                loader: MyReportsPage.preload,
              },
              {
                path: 'incidents/:id',
                element: guarded('incident:report', <IncidentPage />),
                loader: IncidentPage.preload,
              },
              {
                path: 'incidents/kpi',
                element: guarded('incident:read', <KpiPage />),
                loader: KpiPage.preload,
              },
              {
                path: 'incidents/categories',
                element: guarded('incident:policy', <CategoriesPage />),
                loader: CategoriesPage.preload,
              },
              {
                path: 'calendar',
                element: guarded('calendar:write', <CalendarPage />),
                loader: CalendarPage.preload,
              },
              {
                path: 'monitoring/overview',
                element: guarded('monitoring:read', <OverviewPage />),
                loader: OverviewPage.preload,
              },
              {
                path: 'monitoring/leads',
                element: guarded('monitoring:read', <LeadsPage />),
                loader: LeadsPage.preload,
              },
              {
                path: 'monitoring/cases',
                element: guarded('monitoring:read', <CasesPage />),
                loader: CasesPage.preload,
              },
              {
                path: 'monitoring/cases/:id',
                element: guarded('monitoring:read', <CasePage />),
                loader: CasePage.preload,
              },
              {
                path: 'monitoring/policy',
                element: guarded('monitoring:read', <PolicyPage />),
                loader: PolicyPage.preload,
              },
              {
                path: 'monitoring/imports',
                element: guarded('monitoring:write', <ImportsPage />),
                loader: ImportsPage.preload,
              },
              {
                path: 'monitoring/declare',
                element: guarded('monitoring:declare', <DeclarePage />),
                loader: DeclarePage.preload,
              },
              { path: 'jobs', element: guarded('job:read', <JobsPage />), loader: JobsPage.preload },
              { path: 'jobs/mine', element: guarded('job:post', <MyJobsPage />), loader: MyJobsPage.preload },
              {
                path: 'jobs/mine/:id',
                element: guarded('job:post', <MyJobDetailPage />),
                loader: MyJobDetailPage.preload,
              },
              {
                path: 'jobs/:id',
                element: guarded('job:read', <JobDetailPage />),
                loader: JobDetailPage.preload,
              },
              {
                path: 'job-board',
                element: guarded('job:apply', <JobBoardPage />),
                loader: JobBoardPage.preload,
              },
              {
                path: 'needs',
                element: guarded('service:read', <NeedsPage />),
                loader: NeedsPage.preload,
              },
              {
                path: 'needs/:id',
                element: guarded('service:read', <NeedPage />),
                loader: NeedPage.preload,
              },
              {
                path: 'referrals',
                element: guarded('service:provide', <ProviderNeedsPage />),
                loader: ProviderNeedsPage.preload,
              },
              {
                path: 'referrals/:id',
                element: guarded('service:provide', <NeedPage />),
                loader: NeedPage.preload,
              },
              {
                path: 'my-needs',
                element: guarded('service:request', <MyNeedsPage />),
                loader: MyNeedsPage.preload,
              },
              {
                path: 'my-needs/:id',
                element: guarded('service:request', <NeedPage />),
                loader: NeedPage.preload,
              },
              {
                path: 'social-organizations',
                element: guarded('service:read', <OrgsPage />),
                loader: OrgsPage.preload,
              },
              {
                path: 'social-organizations/:id',
                element: guarded('service:read', <OrgPage />),
                loader: OrgPage.preload,
              },
              {
                path: 'service-projects',
                element: guarded('service:read', <ProjectsPage />),
                loader: ProjectsPage.preload,
              },
              {
                path: 'service-projects/:id',
                element: guarded('service:read', <ProjectPage />),
                loader: ProjectPage.preload,
              },
              {
                path: 'provider-projects',
                element: guarded('service:provide', <ProviderProjectsPage />),
                loader: ProviderProjectsPage.preload,
              },
              {
                path: 'provider-projects/:id',
                element: guarded('service:provide', <ProjectPage />),
                loader: ProjectPage.preload,
              },
              {
                path: 'my-projects',
                element: guarded('service:request', <MyProjectsPage />),
                loader: MyProjectsPage.preload,
              },
              {
                path: 'my-projects/:id',
                element: guarded('service:request', <ProjectPage />),
                loader: ProjectPage.preload,
              },
              {
                path: 'disclosures',
                element: guarded('disclosure:read', <DisclosuresPage />),
                loader: DisclosuresPage.preload,
              },
              {
                path: 'funds/approvals',
                element: guarded('fund:read', <FundApprovalsPage />),
                loader: FundApprovalsPage.preload,
              },
              {
                path: 'funds/journal',
                element: guarded('fund:read', <FundJournalPage />),
                loader: FundJournalPage.preload,
              },
              {
                path: 'funds/accounts',
                element: guarded('fund:read', <FundAccountsPage />),
                loader: FundAccountsPage.preload,
              },
              {
                path: 'funds/budget',
                element: guarded('fund:read', <FundBudgetPage />),
                loader: FundBudgetPage.preload,
              },
              {
                path: 'service-resources',
                element: guarded('service:read', <ResourcesPage />),
                loader: ResourcesPage.preload,
              },
              {
                path: 'employment/enterprises',
                element: guarded('employment:read', <EnterprisesPage />),
                loader: EnterprisesPage.preload,
              },
              { path: 'visits', element: guarded('visit:write', <TodayPage />), loader: TodayPage.preload },
              {
                path: 'visits/new',
                element: guarded('visit:write', <VisitNewPage />),
                loader: VisitNewPage.preload,
              },
              {
                path: 'visits/coverage',
                element: guarded('visit:read', <CoveragePage />),
                loader: CoveragePage.preload,
              },
              {
                path: 'visits/plans',
                element: guarded('visit:read', <PlansPage />),
                loader: PlansPage.preload,
              },
              {
                path: 'visits/:id',
                element: guarded('visit:read', <VisitDetailPage />),
                loader: VisitDetailPage.preload,
              },
              {
                path: 'employment/labour',
                element: guarded('employment:read', <LabourPage />),
                loader: LabourPage.preload,
              },
              {
                path: 'employment/survey/:householdId',
                element: guarded('employment:write', <SurveyPage />),
                loader: SurveyPage.preload,
              },
              {
                path: 'employment/zero',
                element: guarded('employment:read', <ZeroPage />),
                loader: ZeroPage.preload,
              },
              {
                path: 'employment/ledger',
                element: guarded('employment:write', <LedgerPage />),
                loader: LedgerPage.preload,
              },
              {
                path: 'employment/posts',
                element: guarded('employment:read', <PostsPage />),
                loader: PostsPage.preload,
              },
              {
                path: 'employment/posts/:id',
                element: guarded('employment:read', <PostDetailPage />),
                loader: PostDetailPage.preload,
              },
              {
                path: 'employment/zero/:id',
                element: guarded('employment:read', <ZeroDetailPage />),
                loader: ZeroDetailPage.preload,
              },
              {
                path: 'employment/figures',
                element: guarded('employment:read', <FiguresPage />),
                loader: FiguresPage.preload,
              },
              {
                path: 'volunteers',
                element: guarded('volunteer:read', <VolunteerActivitiesPage />),
                loader: VolunteerActivitiesPage.preload,
              },
              {
                path: 'volunteers/people',
                element: guarded('volunteer:read', <VolunteersPage />),
                loader: VolunteersPage.preload,
              },
              {
                path: 'volunteers/activities/:id',
                element: guarded('volunteer:read', <VolunteerActivityPage />),
                loader: VolunteerActivityPage.preload,
              },
              {
                path: 'volunteer',
                element: guarded('volunteer:serve', <MyVolunteeringPage />),
                loader: MyVolunteeringPage.preload,
              },
              {
                path: 'volunteer/check-in',
                element: guarded('volunteer:serve', <VolunteerCheckInPage />),
                loader: VolunteerCheckInPage.preload,
              },
              {
                path: 'sites',
                element: guarded('site:read', <SitesPage />),
                loader: SitesPage.preload,
              },
              {
                path: 'sites/:id',
                element: guarded('site:read', <SitePage />),
                loader: SitePage.preload,
              },
              {
                path: 'sites/projects/:id',
                element: guarded('site:read', <SiteProjectPage />),
                loader: SiteProjectPage.preload,
              },
              {
                path: 'training',
                element: guarded('training:read', <CoursesPage />),
                loader: CoursesPage.preload,
              },
              {
                path: 'training/:id',
                element: guarded('training:read', <CourseDetailPage />),
                loader: CourseDetailPage.preload,
              },
              // officials read campaigns, residents answer them: the server refuses the others
              { path: 'surveys', element: <SurveysPage />, loader: SurveysPage.preload },
              { path: 'surveys/:id', element: <CampaignPage />, loader: CampaignPage.preload },
              { path: 'surveys/:id/answer', element: <AnswerPage />, loader: AnswerPage.preload },
              {
                path: 'admin/users',
                element: guarded('user:read', <UsersPage />),
                loader: UsersPage.preload,
              },
              {
                path: 'admin/users/import',
                element: guarded('user:grant', <UserImportPage />),
                loader: UserImportPage.preload,
              },
              {
                path: 'open311/services',
                element: guarded('open311:manage', <ServicesPage />),
                loader: ServicesPage.preload,
              },
              {
                path: 'admin/audit',
                element: guarded('audit:read', <AuditPage />),
                loader: AuditPage.preload,
              },
              { path: 'password', element: <ChangePasswordPage />, loader: ChangePasswordPage.preload },
              {
                path: 'notifications/settings',
                element: <NotificationSettingsPage />,
                loader: NotificationSettingsPage.preload,
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
