import type { ServiceProjectDetail, ServiceProjectSummary } from '@anju/contracts';
import type * as repo from './projects.repo.ts';
import type { ProjectStanding } from './services.policy.ts';

const iso = (v: string | Date) => new Date(v).toISOString();
type Rows<F extends (...a: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export const presentProject = (r: repo.ProjectRow): ServiceProjectSummary => ({
  id: String(r.id),
  name: r.name,
  kind: r.kind as ServiceProjectSummary['kind'],
  category: r.category,
  ownerDepartment: r.owner_department,
  placeId: String(r.place_id),
  placeName: r.place_name,
  orgId: String(r.org_id),
  orgName: r.org_name,
  budget: r.budget,
  spent: r.spent,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status as ServiceProjectSummary['status'],
  servedCount: r.served_count,
  milestonesDone: r.milestones_done,
  milestonesTotal: r.milestones_total,
  milestonesLate: r.milestones_late,
  ratingAvg: r.rating_avg === null ? null : Number(r.rating_avg),
  ratingCount: r.rating_count,
  version: r.version,
});

export interface ProjectParts {
  standing: ProjectStanding;
  milestones: Rows<typeof repo.milestones>;
  reports: Rows<typeof repo.reports>;
  served: Rows<typeof repo.served>;
  complaints: Rows<typeof repo.complaints>;
  myRating: number | null;
}

/** A project with its parts; the people served and complaints only for officials of the owning place. */
export function presentDetail(r: repo.ProjectRow, p: ProjectParts): ServiceProjectDetail {
  const active = r.status === 'active';
  const official = p.standing.manages;
  return {
    ...presentProject(r),
    summary: r.summary,
    evaluationGrade: r.evaluation_grade as ServiceProjectDetail['evaluationGrade'],
    evaluation: r.evaluation,
    evaluatedAt: r.evaluated_at === null ? null : iso(r.evaluated_at),
    milestones: p.milestones.map((m) => ({
      id: String(m.id),
      title: m.title,
      dueOn: m.due_on,
      doneOn: m.done_on,
      late: m.late,
      version: m.version,
    })),
    reports: p.reports.map((x) => ({
      id: String(x.id),
      note: x.note,
      spent: x.spent,
      milestoneTitle: x.milestone_title,
      authorName: x.author_name,
      at: iso(x.created_at),
      photoIds: x.photo_ids.map(String),
    })),
    served: official
      ? p.served.map((s) => ({
          householdId: String(s.household_id),
          headName: s.head_name,
          needId: s.need_id === null ? null : String(s.need_id),
          needSummary: s.need_summary,
        }))
      : [],
    complaints: official ? p.complaints.map((c) => ({ summary: c.summary, at: iso(c.at) })) : [],
    myRating: p.myRating,
    can: {
      manage: official && active,
      report: (official || p.standing.provides) && active,
      rate: p.standing.served !== null && p.myRating === null,
      evaluate: official && active,
    },
  };
}
