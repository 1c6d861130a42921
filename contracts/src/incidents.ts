import { z } from 'zod';
import { Id, IsoDay, Paging, Version } from './common.ts';
import { MapPoint } from './site-map.ts';

/** The workflow of DOMAIN.md M1: reported → accepted → dispatched → in progress → replied → verified → closed. */
export const INCIDENT_STATUSES = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
  'replied',
  'verified',
  'closed',
  'recalled',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ACTIONS = [
  'accept',
  'dispatch',
  /** The handler takes the accepted incident in hand themselves, without dispatching it. */
  'handle',
  'start',
  'reply',
  'verify',
  'reject',
  'callback',
  'return',
  'recall',
  'extend',
  'supervise',
  'escalate',
  'progress',
  'rate',
  'ask_extension',
  'deny_extension',
  /** The handler sets the real category, e.g. of a quick report filed under QUICK_REPORT_CATEGORY. */
  'classify',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const INCIDENT_SOURCES = [
  'resident',
  'grid_worker',
  'party_member',
  'hotline_12345',
  'department',
  'open311',
] as const;

/** 小事不出网格、大事不出社区、难事不出乡镇: the handling ladder, bottom up. */
export const HANDLING_LEVELS = ['grid', 'community', 'township', 'county'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

/** A category's limits run in hours, or in working days by the holiday calendar of the place. */
export const LIMIT_UNITS = ['hours', 'working_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const IncidentCategory = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  limitUnit: z.enum(LIMIT_UNITS),
  acceptHours: z.number().int(),
  deadlineHours: z.number().int(),
  acceptDays: z.number().int(),
  deadlineDays: z.number().int(),
  extensionCapHours: z.number().int(),
  extensionCapDays: z.number().int(),
  extensionCapSource: z.string(),
  startLevel: z.enum(HANDLING_LEVELS),
  autoEscalate: z.boolean(),
  version: z.number().int(),
});
export type IncidentCategory = z.infer<typeof IncidentCategory>;

/** A category's limits as a county admin sets them, at the version read. */
export const IncidentCategoryLimits = z.object({
  limitUnit: z.enum(LIMIT_UNITS),
  acceptHours: z.number().int().min(1).max(720),
  deadlineHours: z.number().int().min(1).max(2160),
  acceptDays: z.number().int().min(1).max(30),
  deadlineDays: z.number().int().min(1).max(90),
  extensionCapHours: z.number().int().min(0).max(2160),
  extensionCapDays: z.number().int().min(0).max(90),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type IncidentCategoryLimits = z.infer<typeof IncidentCategoryLimits>;

/** How a reporter says where it happened: at home, at a building, in a public area, at a point of the map. */
export const LOCATION_KINDS = ['home', 'building', 'area', 'point'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** What a quick report falls under until the official who accepts it sorts it. */
export const QUICK_REPORT_CATEGORY = 'other';

export const IncidentReport = z.object({
  /** Left out in a quick report: it goes under QUICK_REPORT_CATEGORY. */
  categoryCode: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .optional(),
  /** Left out in a quick report, which says what with a photo or a voice message. */
  title: z.string().trim().min(2).max(100).or(z.literal('')).default(''),
  description: z.string().trim().max(2000).default(''),
  source: z.enum(INCIDENT_SOURCES).optional(),
  /** Where it happened: a grid, building or dwelling in the reporter's reach. */
  placeId: Id,
  locationKind: z.enum(LOCATION_KINDS).optional(),
  householdId: Id.optional(),
  reporterName: z.string().trim().max(32).optional(),
  reporterPhone: z.string().trim().max(20).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export type IncidentReport = z.infer<typeof IncidentReport>;

export const IncidentAct = z.object({
  action: z.enum(INCIDENT_ACTIONS),
  version: Version,
  note: z.string().trim().max(1000).optional(),
  /** dispatch: a user or a department to handle it. */
  assigneeUserId: Id.optional(),
  departmentId: Id.optional(),
  /** ask_extension, extend: extra hours, for a category whose limits run in hours. */
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  /** ask_extension, extend: extra working days, for a category whose limits run in working days. */
  days: z.number().int().min(1).max(30).optional(),
  /** callback */
  satisfaction: z.enum(SATISFACTIONS).optional(),
  /** classify: the category it really falls under. */
  categoryCode: z
    .string()
    .regex(/^[a-z_]{1,32}$/)
    .optional(),
});
export type IncidentAct = z.infer<typeof IncidentAct>;

export const IncidentStep = z.object({
  id: Id,
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
  photoIds: z.array(Id),
  /** Voice messages sent with the step, played back from the same address as photos. */
  voiceIds: z.array(Id),
});
export type IncidentStep = z.infer<typeof IncidentStep>;

export const Incident = z.object({
  id: Id,
  code: z.string(),
  categoryCode: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.enum(INCIDENT_SOURCES),
  /** `label` names it uniquely in its community (3栋 1单元101室). */
  place: z.object({ id: Id, name: z.string(), label: z.string(), path: z.string() }),
  locationKind: z.enum(LOCATION_KINDS).nullable(),
  point: MapPoint.nullable(),
  householdId: Id.nullable(),
  level: z.enum(HANDLING_LEVELS),
  handlingPlace: z.object({ id: Id, name: z.string() }),
  assigneeUserId: Id.nullable(),
  departmentId: Id.nullable(),
  status: z.enum(INCIDENT_STATUSES),
  supervised: z.boolean(),
  overdue: z.boolean(),
  acceptDueAt: z.string(),
  dueAt: z.string(),
  reportedAt: z.string(),
  acceptedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  ratedAt: z.string().nullable().describe('when the reporter rated the outcome'),
  mine: z.boolean().describe('reported by the caller'),
  version: z.number().int(),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentDetail = Incident.extend({
  steps: z.array(IncidentStep),
  /** The actions the workflow lets the caller take now. */
  actions: z.array(z.enum(INCIDENT_ACTIONS)),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const IncidentPhoto = z.object({
  id: Id,
  stepId: Id,
  contentType: z.string(),
  bytes: z.number().int(),
});
export type IncidentPhoto = z.infer<typeof IncidentPhoto>;

/** Whom the handler of an incident may dispatch it to. */
export const IncidentAssignees = z.object({
  users: z.array(z.object({ id: Id, name: z.string(), roles: z.array(z.string()) })),
  departments: z.array(z.object({ id: Id, nameZh: z.string(), nameEn: z.string() })),
});
export type IncidentAssignees = z.infer<typeof IncidentAssignees>;

/** The workbench's tabs: new work to accept, work in hand, open work past its deadline, closed or recalled. */
export const INCIDENT_TABS = ['toAccept', 'inHand', 'overdue', 'done'] as const;
export type IncidentTab = (typeof INCIDENT_TABS)[number];

export const IncidentQuery = Paging.extend({
  tab: z.enum(INCIDENT_TABS).optional(),
  under: Id.optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  categoryCode: z.string().max(32).optional(),
  assignedToMe: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  level: z.enum(HANDLING_LEVELS).optional(),
  supervised: z.enum(['true', 'false']).optional(),
  /** Part of the code or the title. */
  q: z.string().trim().max(50).optional(),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;

/** The workbench's filters without a tab or a page: what each tab counts. */
export const IncidentCountsQuery = IncidentQuery.omit({ tab: true, page: true, pageSize: true });
export type IncidentCountsQuery = z.infer<typeof IncidentCountsQuery>;
/** How many incidents each workbench tab holds. */
export const IncidentCounts = z.object({
  toAccept: z.number().int(),
  inHand: z.number().int(),
  overdue: z.number().int(),
  done: z.number().int(),
});
export type IncidentCounts = z.infer<typeof IncidentCounts>;

export const KpiQuery = z.object({
  under: Id.optional(),
  from: IsoDay,
  to: IsoDay,
});
export type KpiQuery = z.infer<typeof KpiQuery>;

export const Kpi = z.object({
  reported: z.number().int(),
  accepted: z.number().int(),
  acceptedInTime: z.number().int(),
  timelyAcceptanceRate: z.number().nullable(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  /** Closed, or still open and past the deadline: what the on-time closure rate is taken over. */
  fellDue: z.number().int(),
  onTimeClosureRate: z.number().nullable(),
  callbacks: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: z.number().nullable(),
  averageHandlingHours: z.number().nullable(),
  overdueOpen: z.number().int(),
});

/** How the KPI breakdown groups incidents: by the grid, community or township they happened in, or the department they went to. */
export const KPI_GROUPINGS = ['grid', 'community', 'township', 'department'] as const;
export type KpiGrouping = (typeof KPI_GROUPINGS)[number];
export const KPI_INTERVALS = ['week', 'month'] as const;
export type KpiInterval = (typeof KPI_INTERVALS)[number];
export const KPI_KEYS = [
  'timelyAcceptanceRate',
  'onTimeClosureRate',
  'satisfactionRate',
  'averageHandlingHours',
  'overdueOpen',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const KpiBreakdownQuery = KpiQuery.extend({ by: z.enum(KPI_GROUPINGS) });
export type KpiBreakdownQuery = z.infer<typeof KpiBreakdownQuery>;
export const KpiTrendQuery = KpiQuery.extend({ interval: z.enum(KPI_INTERVALS).default('month') });
export type KpiTrendQuery = z.infer<typeof KpiTrendQuery>;

/** One group's figures; departments carry their English name too. */
export const KpiRow = Kpi.extend({ id: Id, name: z.string(), nameEn: z.string().nullable() });
export type KpiRow = z.infer<typeof KpiRow>;
export const KpiBreakdown = z.object({ by: z.enum(KPI_GROUPINGS), rows: z.array(KpiRow) });
export type KpiBreakdown = z.infer<typeof KpiBreakdown>;

/** Figures of incidents reported in one week (from Monday) or month, clipped to the period. */
export const KpiTrendPoint = Kpi.extend({ start: z.string().date() });
export type KpiTrendPoint = z.infer<typeof KpiTrendPoint>;
export const KpiTrend = z.object({ interval: z.enum(KPI_INTERVALS), points: z.array(KpiTrendPoint) });
export type KpiTrend = z.infer<typeof KpiTrend>;

const Wording = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
/** What a KPI counts, in both languages, as the server computes it. */
export const KpiDefinition = z.object({
  key: z.enum(KPI_KEYS),
  unit: z.enum(['rate', 'hours', 'count']),
  name: Wording,
  numerator: Wording,
  denominator: Wording.nullable(),
  excluded: Wording,
  /** The appraisal rule the definition follows. */
  source: Wording,
});
export type KpiDefinition = z.infer<typeof KpiDefinition>;
export type Kpi = z.infer<typeof Kpi>;
