import { z } from 'zod';
import { Id, IdParam, IsoDay, Version } from './common.ts';

/** The people of a site a kind of facility serves, counted from the registry on the day asked. */
export const DEMAND_GROUPS = [
  'residents',
  'children_3_5',
  'children_6_11',
  'children_12_14',
  'elderly_or_disabled',
] as const;
export type DemandGroup = (typeof DEMAND_GROUPS)[number];

export const CAPACITY_UNITS = ['places', 'beds', 'doctors'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

/**
 * How the demand for a kind of facility (a code of the `facility_kind` dictionary) is computed: the
 * people of its group times the governance norm `norm`, per `per` people, rounded up. Kinds without a
 * rule (markets, bus stops, service centres) are counted as present or missing only.
 */
export const FACILITY_DEMAND: Record<
  string,
  { group: DemandGroup; unit: CapacityUnit; norm: string; per: number; counts?: string }
> = {
  kindergarten: {
    group: 'children_3_5',
    unit: 'places',
    norm: 'site_kindergarten_places_per_1000_children',
    per: 1000,
  },
  primary_school: {
    group: 'children_6_11',
    unit: 'places',
    norm: 'site_school_places_per_1000_children',
    per: 1000,
  },
  middle_school: {
    group: 'children_12_14',
    unit: 'places',
    norm: 'site_school_places_per_1000_children',
    per: 1000,
  },
  clinic: { group: 'residents', unit: 'doctors', norm: 'site_doctors_per_1000_residents', per: 1000 },
  /** A health room's doctors count toward the same demand as a clinic's. */
  health_room: {
    group: 'residents',
    unit: 'doctors',
    norm: 'site_doctors_per_1000_residents',
    per: 1000,
    counts: 'clinic',
  },
  elder_care: {
    group: 'elderly_or_disabled',
    unit: 'beds',
    norm: 'site_care_beds_per_1000_elderly',
    per: 1000,
  },
  child_care: {
    group: 'residents',
    unit: 'places',
    norm: 'site_child_care_places_per_10000_residents',
    per: 10000,
  },
};

/** The governance norm of each kind's service radius (metres), where the planning standard sets one. */
export const FACILITY_RADIUS_NORMS: Record<string, string> = {
  kindergarten: 'site_radius_kindergarten_m',
  primary_school: 'site_radius_primary_school_m',
  middle_school: 'site_radius_middle_school_m',
  clinic: 'site_radius_clinic_m',
  bus_stop: 'site_radius_bus_stop_m',
};

export const FACILITY_STATES = ['in_use', 'under_construction', 'closed'] as const;
export type FacilityState = (typeof FACILITY_STATES)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);
const Capacity = z.number().int().min(0, 'must not be below zero').max(100_000);
const Money = z.number().min(0, 'must not be below zero').max(10_000_000_000);

export const SiteFacilityCreate = z.object({
  name: Text(128),
  /** A code of the `facility_kind` dictionary. */
  kind: Text(32),
  /** Where it stands: a township, a community or a place inside one. */
  placeId: IdParam,
  /** The sites (communities) it serves. */
  siteIds: z.array(IdParam).min(1, 'name at least one site').max(50),
  capacity: Capacity,
  state: z.enum(FACILITY_STATES),
});
export type SiteFacilityCreate = z.infer<typeof SiteFacilityCreate>;
export type SiteFacilityCreateInput = z.input<typeof SiteFacilityCreate>;

export const SiteFacilityUpdate = z.object({
  name: Text(128).optional(),
  siteIds: SiteFacilityCreate.shape.siteIds.optional(),
  capacity: Capacity.optional(),
  state: z.enum(FACILITY_STATES).optional(),
  version: Version,
});
export type SiteFacilityUpdate = z.infer<typeof SiteFacilityUpdate>;
export type SiteFacilityUpdateInput = z.input<typeof SiteFacilityUpdate>;

export const SiteFacility = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  placeId: Id,
  placeName: z.string(),
  sites: z.array(z.object({ id: Id, name: z.string() })),
  capacity: z.number().int(),
  unit: z.enum(CAPACITY_UNITS).nullable(),
  state: z.enum(FACILITY_STATES),
  /** Demand of all the sites it serves; null for a kind without a demand rule. */
  demand: z.number().int().nullable(),
  /** Demand beyond capacity (0 when enough); null without a rule. */
  gap: z.number().int().nullable(),
  mayKeep: z.boolean(),
  version: z.number().int(),
});
export type SiteFacility = z.infer<typeof SiteFacility>;

/** A site's demand for one kind against the capacity its facilities give it (a facility serving several sites shares its capacity by their demand). */
export const SiteDemand = z.object({
  kind: z.string(),
  group: z.enum(DEMAND_GROUPS),
  unit: z.enum(CAPACITY_UNITS),
  people: z.number().int(),
  demand: z.number().int(),
  capacity: z.number().int(),
  gap: z.number().int(),
  /** Capacity per 1,000 residents, and the same figure the norm asks for. */
  per1000: z.number(),
  standardPer1000: z.number(),
});
export type SiteDemand = z.infer<typeof SiteDemand>;

export const SiteNorm = z.object({
  code: z.string(),
  value: z.number(),
  sourceZh: z.string(),
  sourceEn: z.string(),
});
export type SiteNorm = z.infer<typeof SiteNorm>;

export const INDUSTRY_KINDS = ['workshop', 'agricultural_base', 'tourism', 'industrial_park'] as const;
export const INDUSTRY_FUND_SOURCES = [
  'central_budget',
  'local_budget',
  'east_west_cooperation',
  'enterprise',
  'credit',
] as const;
export const INDUSTRY_STATUSES = ['running', 'suspended', 'failed'] as const;
export const BENEFIT_KINDS = ['job', 'dividend', 'land_rent'] as const;
export type IndustryStatus = (typeof INDUSTRY_STATUSES)[number];
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const IndustryProjectCreate = z.object({
  name: Text(128),
  kind: z.enum(INDUSTRY_KINDS),
  /** The site (or township) it supports. */
  placeId: IdParam,
  investment: Money,
  fundSource: z.enum(INDUSTRY_FUND_SOURCES),
  startedOn: IsoDay,
});
export type IndustryProjectCreate = z.infer<typeof IndustryProjectCreate>;
export type IndustryProjectCreateInput = z.input<typeof IndustryProjectCreate>;

export const IndustryProjectUpdate = z.object({
  name: Text(128).optional(),
  investment: Money.optional(),
  fundSource: z.enum(INDUSTRY_FUND_SOURCES).optional(),
  status: z.enum(INDUSTRY_STATUSES).optional(),
  version: Version,
});
export type IndustryProjectUpdate = z.infer<typeof IndustryProjectUpdate>;

export const IndustryBeneficiary = z.object({
  householdId: Id,
  householdNo: z.string(),
  headName: z.string(),
  benefit: z.enum(BENEFIT_KINDS),
  /** Assets invested for the household (资产收益), yuan. */
  assetAmount: z.number().nullable(),
  paid: z.number(),
});
export type IndustryBeneficiary = z.infer<typeof IndustryBeneficiary>;

export const IndustryBeneficiaryCreate = z.object({
  householdId: IdParam,
  benefit: z.enum(BENEFIT_KINDS),
  assetAmount: Money.nullable().default(null),
});
export type IndustryBeneficiaryCreate = z.infer<typeof IndustryBeneficiaryCreate>;
export type IndustryBeneficiaryCreateInput = z.input<typeof IndustryBeneficiaryCreate>;

export const IndustryPaymentCreate = z.object({
  householdId: IdParam,
  kind: z.enum(BENEFIT_KINDS),
  amount: z.number().gt(0, 'must be above zero').max(10_000_000),
  paidOn: IsoDay,
  note: z.string().trim().max(200).default(''),
});
export type IndustryPaymentCreate = z.infer<typeof IndustryPaymentCreate>;
export type IndustryPaymentCreateInput = z.input<typeof IndustryPaymentCreate>;

/** Pays every beneficiary of the project the same amount of one kind, on one day. */
export const IndustryPayoutCreate = IndustryPaymentCreate.omit({ householdId: true });
export type IndustryPayoutCreate = z.infer<typeof IndustryPayoutCreate>;
export type IndustryPayoutCreateInput = z.input<typeof IndustryPayoutCreate>;

export const IndustryPayment = z.object({
  id: Id,
  projectId: Id,
  householdId: Id,
  headName: z.string(),
  kind: z.enum(BENEFIT_KINDS),
  amount: z.number(),
  paidOn: z.string(),
  note: z.string(),
});
export type IndustryPayment = z.infer<typeof IndustryPayment>;

export const IndustryProject = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(INDUSTRY_KINDS),
  placeId: Id,
  placeName: z.string(),
  investment: z.number(),
  fundSource: z.enum(INDUSTRY_FUND_SOURCES),
  status: z.enum(INDUSTRY_STATUSES),
  startedOn: z.string(),
  households: z.number().int(),
  paid: z.number(),
  mayKeep: z.boolean(),
  version: z.number().int(),
});
export type IndustryProject = z.infer<typeof IndustryProject>;

export const IndustryProjectDetail = IndustryProject.extend({
  beneficiaries: z.array(IndustryBeneficiary),
  payments: z.array(IndustryPayment),
  /** Leads raised for its households when the project was marked failed. */
  leadsRaised: z.number().int().optional(),
});
export type IndustryProjectDetail = z.infer<typeof IndustryProjectDetail>;

/** What a household receives from the industry projects it is linked to. */
export const HouseholdBenefit = z.object({
  projectId: Id,
  projectName: z.string(),
  projectKind: z.enum(INDUSTRY_KINDS),
  status: z.enum(INDUSTRY_STATUSES),
  benefit: z.enum(BENEFIT_KINDS),
  assetAmount: z.number().nullable(),
  payments: z.array(IndustryPayment),
});
export type HouseholdBenefit = z.infer<typeof HouseholdBenefit>;

export const PLAN_AREAS = [
  'employment',
  'industry',
  'public_services',
  'governance',
  'social_integration',
] as const;
export type PlanArea = (typeof PLAN_AREAS)[number];

export const SupportTaskCreate = z.object({
  siteId: IdParam,
  year: z.number().int().min(2016).max(2100),
  area: z.enum(PLAN_AREAS),
  goal: Text(200),
  title: Text(200),
  /** The department or person answerable for it. */
  owner: z.string({ error: 'a task needs an owner' }).trim().min(1, 'a task needs an owner').max(64),
  dueOn: IsoDay,
});
export type SupportTaskCreate = z.infer<typeof SupportTaskCreate>;
export type SupportTaskCreateInput = z.input<typeof SupportTaskCreate>;

export const SupportTaskUpdate = z.object({
  title: Text(200).optional(),
  owner: SupportTaskCreate.shape.owner.optional(),
  dueOn: IsoDay.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  evidence: z.string().trim().max(500).optional(),
  version: Version,
});
export type SupportTaskUpdate = z.infer<typeof SupportTaskUpdate>;

export const SupportTask = z.object({
  id: Id,
  siteId: Id,
  siteName: z.string(),
  year: z.number().int(),
  area: z.enum(PLAN_AREAS),
  goal: z.string(),
  title: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  progress: z.number().int(),
  evidence: z.string(),
  doneOn: z.string().nullable(),
  late: z.boolean(),
  version: z.number().int(),
});
export type SupportTask = z.infer<typeof SupportTask>;

export const SiteDetail = z.object({
  id: Id,
  name: z.string(),
  residents: z.number().int(),
  demand: z.array(SiteDemand),
  facilities: z.array(SiteFacility),
  projects: z.array(IndustryProject),
  tasks: z.array(SupportTask),
  norms: z.array(SiteNorm),
  mayKeep: z.boolean(),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

/** One site's figures, or a township's or county's roll-up (`level` says which). */
export const SiteFigures = z.object({
  placeId: Id,
  name: z.string(),
  level: z.string(),
  residents: z.number().int(),
  /** Kinds whose demand passes the capacity, with the shortfall. */
  gaps: z.array(z.object({ kind: z.string(), gap: z.number().int(), unit: z.enum(CAPACITY_UNITS) })),
  kindergartenPer1000: z.number(),
  kindergartenStandardPer1000: z.number(),
  householdsBenefiting: z.number().int(),
  paidThisYear: z.number(),
  tasks: z.number().int(),
  tasksDone: z.number().int(),
  tasksOnTime: z.number().int(),
  tasksLate: z.number().int(),
});
export type SiteFigures = z.infer<typeof SiteFigures>;

export const SitesOverview = z.object({
  /** The place asked for, rolled up. */
  total: SiteFigures,
  /** Each township right below (at a county) and each site, side by side. */
  townships: z.array(SiteFigures),
  sites: z.array(SiteFigures),
});
export type SitesOverview = z.infer<typeof SitesOverview>;

export const SitesOverviewQuery = z.object({
  place: IdParam.optional(),
  year: z.coerce.number().int().min(2016).max(2100).optional(),
});
export type SitesOverviewQuery = z.infer<typeof SitesOverviewQuery>;

/** The figures' definitions, shown beside them and kept for the indicator catalogue. */
export const SITE_FIGURE_DEFINITIONS = [
  {
    id: 'kindergartenPer1000',
    numerator: 'kindergarten places of the facilities serving the site (shared by demand)',
    denominator: 'residents living at the site / 1,000',
    unit: 'places per 1,000 residents',
    direction: 'higher',
  },
  {
    id: 'gaps',
    numerator: 'demand − capacity of each kind, demand = people of the kind’s group × norm ÷ per',
    denominator: null,
    unit: 'places, beds or doctors',
    direction: 'lower',
  },
  {
    id: 'householdsBenefiting',
    numerator: 'households linked to a running industry project',
    denominator: null,
    unit: 'households',
    direction: 'higher',
  },
  {
    id: 'paidThisYear',
    numerator: 'payments to households from industry projects in the year',
    denominator: null,
    unit: 'yuan',
    direction: 'higher',
  },
  {
    id: 'tasksOnTime',
    numerator: 'plan tasks of the year done by their deadline',
    denominator: 'plan tasks of the year',
    unit: '%',
    direction: 'higher',
  },
] as const;
