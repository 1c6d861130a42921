import {
  AccountBookOutlined,
  ApartmentOutlined,
  NotificationOutlined,
  AuditOutlined,
  BellOutlined,
  BarChartOutlined,
  BorderOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  ShopOutlined,
  WarningOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FormOutlined,
  FlagOutlined,
  HeartOutlined,
  AlertOutlined,
  ControlOutlined,
  DashboardOutlined,
  MonitorOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MessageOutlined,
  ApiOutlined,
  PieChartOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  BankOutlined,
  SafetyOutlined,
  CustomerServiceOutlined,
  ProfileOutlined,
  GiftOutlined,
  ProjectOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import type { Permission } from '@anju/contracts';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ReactNode;
  permission?: Permission;
  /** A group: shown when the user holds its permission and may open one of its entries. */
  children?: MenuEntry[];
}

/** The side menu; an entry shows when the user holds its permission. */
export const MENU: MenuEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'places', path: '/places', icon: <ApartmentOutlined />, permission: 'place:read' },
  {
    key: 'registry',
    path: '/registry',
    icon: <IdcardOutlined />,
    permission: 'person:read',
    children: [
      { key: 'households', path: '/registry/households', icon: <HomeOutlined /> },
      { key: 'persons', path: '/registry/persons', icon: <UserOutlined /> },
      {
        key: 'import',
        path: '/registry/import',
        icon: <CloudUploadOutlined />,
        permission: 'person:import',
      },
    ],
  },
  { key: 'grids', path: '/grids', icon: <BorderOutlined />, permission: 'grid:read' },
  { key: 'party', path: '/party', icon: <FlagOutlined />, permission: 'party:read' },
  {
    key: 'visits',
    path: '/visits',
    icon: <CarryOutOutlined />,
    permission: 'visit:read',
    children: [
      { key: 'visitsToday', path: '/visits', icon: <ScheduleOutlined />, permission: 'visit:write' },
      { key: 'visitsCoverage', path: '/visits/coverage', icon: <PieChartOutlined /> },
      { key: 'visitsPlans', path: '/visits/plans', icon: <SolutionOutlined /> },
    ],
  },
  {
    key: 'employment',
    path: '/employment',
    icon: <ShopOutlined />,
    permission: 'employment:read',
    children: [
      { key: 'employmentZero', path: '/employment/zero', icon: <WarningOutlined /> },
      { key: 'employmentLabour', path: '/employment/labour', icon: <ContactsOutlined /> },
      {
        key: 'employmentLedger',
        path: '/employment/ledger',
        icon: <CloudUploadOutlined />,
        permission: 'employment:write',
      },
      { key: 'enterprises', path: '/employment/enterprises', icon: <BankOutlined /> },
      { key: 'employmentPosts', path: '/employment/posts', icon: <SafetyOutlined /> },
      { key: 'employmentFigures', path: '/employment/figures', icon: <BarChartOutlined /> },
      { key: 'training', path: '/training', icon: <ReadOutlined />, permission: 'training:read' },
    ],
  },
  { key: 'jobs', path: '/jobs', icon: <SolutionOutlined />, permission: 'job:read' },
  { key: 'myJobs', path: '/jobs/mine', icon: <SolutionOutlined />, permission: 'job:post' },
  { key: 'jobBoard', path: '/job-board', icon: <SolutionOutlined />, permission: 'job:apply' },
  { key: 'surveys', path: '/surveys', icon: <ProfileOutlined />, permission: 'survey:read' },
  { key: 'mySurveys', path: '/surveys', icon: <ProfileOutlined />, permission: 'survey:respond' },
  { key: 'sites', path: '/sites', icon: <ApartmentOutlined />, permission: 'site:read' },
  {
    key: 'services',
    path: '/social-services',
    icon: <CustomerServiceOutlined />,
    permission: 'service:read',
    children: [
      { key: 'serviceNeeds', path: '/needs', icon: <ProfileOutlined /> },
      { key: 'serviceResources', path: '/service-resources', icon: <GiftOutlined /> },
      { key: 'serviceOrgs', path: '/social-organizations', icon: <TeamOutlined /> },
      { key: 'serviceProjects', path: '/service-projects', icon: <ProjectOutlined /> },
    ],
  },
  {
    key: 'funds',
    path: '/funds',
    icon: <AccountBookOutlined />,
    permission: 'fund:read',
    children: [
      { key: 'fundApprovals', path: '/funds/approvals', icon: <AuditOutlined /> },
      { key: 'fundJournal', path: '/funds/journal', icon: <ProfileOutlined /> },
      { key: 'fundAccounts', path: '/funds/accounts', icon: <AccountBookOutlined /> },
      { key: 'fundBudget', path: '/funds/budget', icon: <BarChartOutlined /> },
    ],
  },
  { key: 'disclosures', path: '/disclosures', icon: <NotificationOutlined />, permission: 'disclosure:read' },
  { key: 'providerNeeds', path: '/referrals', icon: <ProfileOutlined />, permission: 'service:provide' },
  {
    key: 'providerProjects',
    path: '/provider-projects',
    icon: <ProjectOutlined />,
    permission: 'service:provide',
  },
  { key: 'myNeeds', path: '/my-needs', icon: <CustomerServiceOutlined />, permission: 'service:request' },
  { key: 'myProjects', path: '/my-projects', icon: <ProjectOutlined />, permission: 'service:request' },
  {
    key: 'volunteers',
    path: '/volunteering',
    icon: <HeartOutlined />,
    permission: 'volunteer:read',
    children: [
      { key: 'volunteerActivities', path: '/volunteers', icon: <ScheduleOutlined /> },
      { key: 'volunteerPeople', path: '/volunteers/people', icon: <TeamOutlined /> },
    ],
  },
  { key: 'volunteerMine', path: '/volunteer', icon: <HeartOutlined />, permission: 'volunteer:serve' },
  { key: 'incidents', path: '/incidents', icon: <FormOutlined />, permission: 'incident:read' },
  { key: 'report', path: '/incidents/new', icon: <MessageOutlined />, permission: 'incident:report' },
  { key: 'myReports', path: '/incidents/mine', icon: <FileSearchOutlined />, permission: 'incident:report' },
  { key: 'declare', path: '/monitoring/declare', icon: <HeartOutlined />, permission: 'monitoring:declare' },
  { key: 'kpi', path: '/incidents/kpi', icon: <BarChartOutlined />, permission: 'incident:read' },
  {
    key: 'incidentCategories',
    path: '/incidents/categories',
    icon: <FieldTimeOutlined />,
    permission: 'incident:policy',
  },
  { key: 'calendar', path: '/calendar', icon: <CalendarOutlined />, permission: 'calendar:write' },
  {
    key: 'monitoring',
    path: '/monitoring',
    icon: <MonitorOutlined />,
    permission: 'monitoring:read',
    children: [
      { key: 'monitoringOverview', path: '/monitoring/overview', icon: <DashboardOutlined /> },
      { key: 'monitoringLeads', path: '/monitoring/leads', icon: <AlertOutlined /> },
      { key: 'monitoringCases', path: '/monitoring/cases', icon: <FileProtectOutlined /> },
      { key: 'monitoringPolicy', path: '/monitoring/policy', icon: <ControlOutlined /> },
      {
        key: 'monitoringImports',
        path: '/monitoring/imports',
        icon: <CloudUploadOutlined />,
        permission: 'monitoring:write',
      },
    ],
  },
  { key: 'open311Services', path: '/open311/services', icon: <ApiOutlined />, permission: 'open311:manage' },
  { key: 'users', path: '/admin/users', icon: <TeamOutlined />, permission: 'user:read' },
  { key: 'audit', path: '/admin/audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { key: 'notificationSettings', path: '/notifications/settings', icon: <BellOutlined /> },
  { key: 'password', path: '/password', icon: <KeyOutlined /> },
];

const allowed = (permissions: readonly string[]) => (m: MenuEntry) =>
  !m.permission || permissions.includes(m.permission);

export const visibleMenu = (permissions: readonly string[]): MenuEntry[] =>
  MENU.filter(allowed(permissions))
    .map((m) => (m.children ? { ...m, children: m.children.filter(allowed(permissions)) } : m))
    .filter((m) => !m.children || m.children.length > 0);

const leaves = MENU.flatMap((m) => m.children ?? [m]);

/** The menu entry a path belongs to, for highlighting. */
export const menuKeyOf = (pathname: string) =>
  [...leaves].reverse().find((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)))?.key ??
  'home';

/** The group holding the entry of a path, to open it. */
export const menuGroupOf = (pathname: string) =>
  MENU.find((m) => m.children?.some((c) => pathname.startsWith(c.path)))?.key;
