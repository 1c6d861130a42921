import type { Database } from '../db/client.ts';
import type { Timeline } from './incidents-timeline.ts';

/** An incident as the seeder composes it, before it has an id. */
export interface IncidentDraft {
  categoryCode: string;
  title: string;
  source: string;
  reporterUserId: number | null;
  reporterName: string | null;
  placeId: number;
  placePath: string;
  householdId: number | null;
  reportedAt: number;
  /** The place handling it at each rung: grid, community, township, county. */
  ladder: readonly number[];
  timeline: Timeline;
}

const INCIDENT_COLUMNS = [
  'id',
  'code',
  'category_code',
  'title',
  'source',
  'reporter_user_id',
  'reporter_name',
  'place_id',
  'place_path',
  'household_id',
  'level',
  'handling_place_id',
  'assignee_user_id',
  'department_id',
  'status',
  'supervised',
  'overdue',
  'accept_due_at',
  'due_at',
  'reported_at',
  'accepted_at',
  'replied_at',
  'closed_at',
  'satisfaction',
  'version',
];

const STEP_COLUMNS = [
  'incident_id',
  'action',
  'from_status',
  'to_status',
  'actor_name',
  'note',
  'data',
  'at',
];

const CHINA = 8 * 3_600_000;
const csv = (v: string | number | boolean | null) =>
  v === null ? '' : typeof v === 'string' && /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);
const time = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** SJ<yyyymmdd>-<id>, the date of the report in China, as incidents.repo.ts numbers new incidents. */
export const incidentCode = (id: number, reportedAt: number) =>
  `SJ${new Date(reportedAt + CHINA).toISOString().slice(0, 10).replace(/-/g, '')}-${id}`;

function incidentLine(id: number, d: IncidentDraft): string {
  const s = d.timeline.state;
  return [
    id,
    incidentCode(id, d.reportedAt),
    d.categoryCode,
    d.title,
    d.source,
    d.reporterUserId,
    d.reporterName,
    d.placeId,
    d.placePath,
    d.householdId,
    s.level,
    d.ladder[s.level],
    s.assigneeUserId,
    s.departmentId,
    s.status,
    s.supervised,
    s.overdue,
    time(s.acceptDueAt),
    time(s.dueAt),
    time(d.reportedAt),
    time(s.acceptedAt),
    time(s.repliedAt),
    time(s.closedAt),
    s.satisfaction,
    d.timeline.steps.length,
  ]
    .map(csv)
    .join(',');
}

/**
 * Loads incidents and their steps with COPY in batches, ids taken from the identity sequence so the
 * codes are known; one batch loads while the next is composed.
 */
export class IncidentWriter {
  private incidents: string[] = [];
  private steps: string[] = [];
  private loading: Promise<void> = Promise.resolve();
  incidentsWritten = 0;
  stepsWritten = 0;

  constructor(
    private readonly database: Database,
    private readonly batchSteps = 100_000,
  ) {}

  /** Writes drafts in the order given, numbering them from the sequence. */
  async add(drafts: IncidentDraft[]): Promise<void> {
    const ids = await this.database.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('incidents', 'id'))::int8 AS id FROM generate_series(1, $1::int)`,
      [drafts.length],
    );
    for (const [n, d] of drafts.entries()) {
      const id = Number(ids[n].id);
      this.incidents.push(incidentLine(id, d));
      for (const s of d.timeline.steps)
        this.steps.push(
          [id, s.action, s.from, s.to, s.actor, s.note, JSON.stringify(s.data), time(s.at)]
            .map(csv)
            .join(','),
        );
      if (this.steps.length >= this.batchSteps) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    await this.loading;
    if (this.incidents.length === 0) return;
    const incidents = `${this.incidents.join('\n')}\n`;
    const steps = `${this.steps.join('\n')}\n`;
    this.incidentsWritten += this.incidents.length;
    this.stepsWritten += this.steps.length;
    this.incidents = [];
    this.steps = [];
    this.loading = (async () => {
      await this.database.copy('incidents', INCIDENT_COLUMNS, incidents);
      await this.database.copy('incident_steps', STEP_COLUMNS, steps);
    })();
    // awaited by the next flush or by done(); this keeps a failure meanwhile from going unhandled
    this.loading.catch(() => {});
  }

  /** Loads the rest and waits for every batch. */
  async done(): Promise<void> {
    await this.flush();
    await this.loading;
  }
}
