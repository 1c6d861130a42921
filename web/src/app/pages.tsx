import { lazy, type ComponentType } from 'react';

/** A page loaded on first use; `preload` starts loading it without waiting, for a route's loader. */
export type LazyPage = ComponentType & { preload: () => null };

// Each page is its own chunk, fetched on first visit: the first load on a phone network carries only
// the frame and the login page, and charts (ECharts) come only with the pages that draw them.
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () => (loading ??= load().then((m) => ({ default: pick(m) })));
  // a failed load is reported when the page renders, not here
  const preload = () => (start().catch(() => undefined), null);
  return Object.assign(lazy(start), { preload });
}

/** The signed-in frame (menu, header, scope picker, notifications): not needed to show the login page. */
export const AppLayout = page(
  () => import('./layout/AppLayout.tsx'),
  (m) => m.AppLayout,
);
export const HomePage = page(
  () => import('../features/home/pages/HomePage.tsx'),
  (m) => m.HomePage,
);
export const AuditPage = page(
  () => import('../features/audit/pages/AuditPage.tsx'),
  (m) => m.AuditPage,
);
export const NotificationSettingsPage = page(
  () => import('../features/notifications/pages/NotificationSettingsPage.tsx'),
  (m) => m.NotificationSettingsPage,
);
export const ChangePasswordPage = page(
  () => import('../features/auth/pages/ChangePasswordPage.tsx'),
  (m) => m.ChangePasswordPage,
);
export const IncidentPage = page(
  () => import('../features/incidents/pages/IncidentPage.tsx'),
  (m) => m.IncidentPage,
);
export const MyReportsPage = page(
  () => import('../features/incidents/pages/MyReportsPage.tsx'),
  (m) => m.MyReportsPage,
);
export const ReportPage = page(
  () => import('../features/incidents/pages/ReportPage.tsx'),
  (m) => m.ReportPage,
);
export const WorkbenchPage = page(
  () => import('../features/incidents/pages/WorkbenchPage.tsx'),
  (m) => m.WorkbenchPage,
);
export const GridsPage = page(
  () => import('../features/grids/pages/GridsPage.tsx'),
  (m) => m.GridsPage,
);
export const KpiPage = page(
  () => import('../features/kpi/pages/KpiPage.tsx'),
  (m) => m.KpiPage,
);
export const CategoriesPage = page(
  () => import('../features/incidents/pages/CategoriesPage.tsx'),
  (m) => m.CategoriesPage,
);
export const CalendarPage = page(
  () => import('../features/calendar/pages/CalendarPage.tsx'),
  (m) => m.CalendarPage,
);
export const CasePage = page(
  () => import('../features/cases/pages/CasePage.tsx'),
  (m) => m.CasePage,
);
export const CasesPage = page(
  () => import('../features/cases/pages/CasesPage.tsx'),
  (m) => m.CasesPage,
);
export const DeclarePage = page(
  () => import('../features/monitoring/pages/DeclarePage.tsx'),
  (m) => m.DeclarePage,
);
export const LeadsPage = page(
  () => import('../features/monitoring/pages/LeadsPage.tsx'),
  (m) => m.LeadsPage,
);
export const PolicyPage = page(
  () => import('../features/monitoring/pages/PolicyPage.tsx'),
  (m) => m.PolicyPage,
);
export const ImportsPage = page(
  () => import('../features/monitoring-imports/pages/ImportsPage.tsx'),
  (m) => m.ImportsPage,
);
export const OverviewPage = page(
  () => import('../features/monitoring-overview/pages/OverviewPage.tsx'),
  (m) => m.OverviewPage,
);
export const PartyPage = page(
  () => import('../features/party/pages/PartyPage.tsx'),
  (m) => m.PartyPage,
);
export const ServicesPage = page(
  () => import('../features/open311/pages/ServicesPage.tsx'),
  (m) => m.ServicesPage,
);
export const PlacesPage = page(
  () => import('../features/places/pages/PlacesPage.tsx'),
  (m) => m.PlacesPage,
);
export const HouseholdCreatePage = page(
  () => import('../features/registry/pages/HouseholdCreatePage.tsx'),
  (m) => m.HouseholdCreatePage,
);
/** The household page with the tabs several features contribute, all loaded together with it. */
export const HouseholdDetailPage = page(
  () =>
    Promise.all([
      import('../features/registry/pages/HouseholdDetailPage.tsx'),
      import('./householdTabs.tsx'),
    ]),
  ([m, tabs]) =>
    function HouseholdDetail() {
      return <m.HouseholdDetailPage tabs={tabs.householdTabs} />;
    },
);
export const HouseholdsPage = page(
  () => import('../features/registry/pages/HouseholdsPage.tsx'),
  (m) => m.HouseholdsPage,
);
export const ImportPage = page(
  () => import('../features/registry/pages/ImportPage.tsx'),
  (m) => m.ImportPage,
);
export const PersonDetailPage = page(
  () => import('../features/registry/pages/PersonDetailPage.tsx'),
  (m) => m.PersonDetailPage,
);
export const PersonsPage = page(
  () => import('../features/registry/pages/PersonsPage.tsx'),
  (m) => m.PersonsPage,
);
export const EnterprisesPage = page(
  () => import('../features/enterprises/pages/EnterprisesPage.tsx'),
  (m) => m.EnterprisesPage,
);
export const JobsPage = page(
  () => import('../features/jobs/pages/JobsPage.tsx'),
  (m) => m.JobsPage,
);
export const MyJobsPage = page(
  () => import('../features/jobs/pages/JobsPage.tsx'),
  (m) => m.MyJobsPage,
);
export const JobDetailPage = page(
  () => import('../features/jobs/pages/JobDetailPage.tsx'),
  (m) => m.JobDetailPage,
);
export const MyJobDetailPage = page(
  () => import('../features/jobs/pages/JobDetailPage.tsx'),
  (m) => m.MyJobDetailPage,
);
export const JobBoardPage = page(
  () => import('../features/jobs/pages/JobBoardPage.tsx'),
  (m) => m.JobBoardPage,
);
export const NeedsPage = page(
  () => import('../features/services/pages/NeedsPage.tsx'),
  (m) => m.NeedsPage,
);
export const ProviderNeedsPage = page(
  () => import('../features/services/pages/NeedsPage.tsx'),
  (m) => m.ProviderNeedsPage,
);
export const NeedPage = page(
  () => import('../features/services/pages/NeedPage.tsx'),
  (m) => m.NeedPage,
);
export const MyNeedsPage = page(
  () => import('../features/services/pages/MyNeedsPage.tsx'),
  (m) => m.MyNeedsPage,
);
export const OrgsPage = page(
  () => import('../features/services/pages/OrgsPage.tsx'),
  (m) => m.OrgsPage,
);
export const ResourcesPage = page(
  () => import('../features/services/pages/ResourcesPage.tsx'),
  (m) => m.ResourcesPage,
);
export const OrgPage = page(
  () => import('../features/services/pages/OrgPage.tsx'),
  (m) => m.OrgPage,
);
export const ProjectsPage = page(
  () => import('../features/services/pages/ProjectsPage.tsx'),
  (m) => m.ProjectsPage,
);
export const ProviderProjectsPage = page(
  () => import('../features/services/pages/ProjectsPage.tsx'),
  (m) => m.ProviderProjectsPage,
);
export const MyProjectsPage = page(
  () => import('../features/services/pages/ProjectsPage.tsx'),
  (m) => m.MyProjectsPage,
);
export const ProjectPage = page(
  () => import('../features/services/pages/ProjectPage.tsx'),
  (m) => m.ProjectPage,
);
export const DisclosuresPage = page(
  () => import('../features/disclosure/pages/DisclosuresPage.tsx'),
  (m) => m.DisclosuresPage,
);
export const PublicDisclosurePage = page(
  () => import('../features/disclosure/pages/PublicPage.tsx'),
  (m) => m.PublicPage,
);
export const FundJournalPage = page(
  () => import('../features/funds/pages/JournalPage.tsx'),
  (m) => m.JournalPage,
);
export const FundApprovalsPage = page(
  () => import('../features/funds/pages/JournalPage.tsx'),
  (m) => m.ApprovalsPage,
);
export const FundAccountsPage = page(
  () => import('../features/funds/pages/AccountsPage.tsx'),
  (m) => m.AccountsPage,
);
export const FundBudgetPage = page(
  () => import('../features/funds/pages/BudgetPage.tsx'),
  (m) => m.BudgetPage,
);
export const UsersPage = page(
  () => import('../features/users/pages/UsersPage.tsx'),
  (m) => m.UsersPage,
);
export const UserImportPage = page(
  () => import('../features/users/pages/UserImportPage.tsx'),
  (m) => m.UserImportPage,
);
export const CoveragePage = page(
  () => import('../features/visits/pages/CoveragePage.tsx'),
  (m) => m.CoveragePage,
);
export const PlansPage = page(
  () => import('../features/visits/pages/PlansPage.tsx'),
  (m) => m.PlansPage,
);
export const TodayPage = page(
  () => import('../features/visits/pages/TodayPage.tsx'),
  (m) => m.TodayPage,
);
export const VisitDetailPage = page(
  () => import('../features/visits/pages/VisitDetailPage.tsx'),
  (m) => m.VisitDetailPage,
);
export const VisitNewPage = page(
  () => import('../features/visits/pages/VisitNewPage.tsx'),
  (m) => m.VisitNewPage,
);
export const LabourPage = page(
  () => import('../features/employment/pages/LabourPage.tsx'),
  (m) => m.LabourPage,
);
export const SurveyPage = page(
  () => import('../features/employment/pages/SurveyPage.tsx'),
  (m) => m.SurveyPage,
);
export const ZeroPage = page(
  () => import('../features/employment/pages/ZeroPage.tsx'),
  (m) => m.ZeroPage,
);
export const LedgerPage = page(
  () => import('../features/employment/pages/LedgerPage.tsx'),
  (m) => m.LedgerPage,
);
export const PostsPage = page(
  () => import('../features/employment/pages/PostsPage.tsx'),
  (m) => m.PostsPage,
);
export const PostDetailPage = page(
  () => import('../features/employment/pages/PostDetailPage.tsx'),
  (m) => m.PostDetailPage,
);
export const ZeroDetailPage = page(
  () => import('../features/employment/pages/ZeroDetailPage.tsx'),
  (m) => m.ZeroDetailPage,
);
export const FiguresPage = page(
  () => import('../features/employment/pages/FiguresPage.tsx'),
  (m) => m.FiguresPage,
);
export const CoursesPage = page(
  () => import('../features/training/pages/CoursesPage.tsx'),
  (m) => m.CoursesPage,
);
export const CourseDetailPage = page(
  () => import('../features/training/pages/CourseDetailPage.tsx'),
  (m) => m.CourseDetailPage,
);
export const SurveysPage = page(
  () => import('../features/surveys/pages/SurveysPage.tsx'),
  (m) => m.SurveysPage,
);
export const CampaignPage = page(
  () => import('../features/surveys/pages/CampaignPage.tsx'),
  (m) => m.CampaignPage,
);
export const AnswerPage = page(
  () => import('../features/surveys/pages/AnswerPage.tsx'),
  (m) => m.AnswerPage,
);
export const VolunteerActivitiesPage = page(
  () => import('../features/volunteers/pages/ActivitiesPage.tsx'),
  (m) => m.ActivitiesPage,
);
export const VolunteerActivityPage = page(
  () => import('../features/volunteers/pages/ActivityPage.tsx'),
  (m) => m.ActivityPage,
);
export const VolunteersPage = page(
  () => import('../features/volunteers/pages/VolunteersPage.tsx'),
  (m) => m.VolunteersPage,
);
export const MyVolunteeringPage = page(
  () => import('../features/volunteers/pages/MyVolunteeringPage.tsx'),
  (m) => m.MyVolunteeringPage,
);
export const VolunteerCheckInPage = page(
  () => import('../features/volunteers/pages/CheckInPage.tsx'),
  (m) => m.CheckInPage,
);
export const CertificateVerifyPage = page(
  () => import('../features/volunteers/pages/VerifyPage.tsx'),
  (m) => m.VerifyPage,
);
export const SitesPage = page(
  () => import('../features/sites/pages/SitesPage.tsx'),
  (m) => m.SitesPage,
);
export const SitePage = page(
  () => import('../features/sites/pages/SitePage.tsx'),
  (m) => m.SitePage,
);
export const SiteProjectPage = page(
  () => import('../features/sites/pages/ProjectPage.tsx'),
  (m) => m.ProjectPage,
);
