import type { IncidentStatus } from '@anju/contracts';
import { LEVEL_ROLE } from '../modules/incidents/ladder.ts';
import { TOP_LEVEL } from '../modules/incidents/workflow.ts';
import { REPLIES, SATISFACTION_MIX } from './incidents-catalogue.ts';
import type { Rng } from './rng.ts';

const HOUR = 3_600_000;

export interface CategoryTerms {
  code: string;
  /** When an acceptance clock started at `at` runs out: after the category's hours, or working days. */
  acceptBy(at: number): number;
  /** When the handling clock started at `at` runs out. */
  dueBy(at: number): number;
  startLevel: number;
  autoEscalate: boolean;
}

/** Where the work goes when it is dispatched at a rung: a department of the county or a person (or nobody known). */
export interface Dispatching {
  departmentId: number | null;
  assigneeAt(level: number): number | null;
}

export interface PlannedStep {
  action: string;
  from: IncidentStatus | null;
  to: IncidentStatus;
  at: number;
  actor: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** An incident's columns as its steps leave them. */
export interface IncidentState {
  status: IncidentStatus;
  level: number;
  acceptDueAt: number;
  dueAt: number;
  acceptedAt: number | null;
  repliedAt: number | null;
  closedAt: number | null;
  satisfaction: string | null;
  overdue: boolean;
  supervised: boolean;
  assigneeUserId: number | null;
  departmentId: number | null;
}

export interface Timeline {
  state: IncidentState;
  steps: PlannedStep[];
}

type Change = Partial<IncidentState>;

/**
 * The life of one incident reported at `reportedAt` as the workflow records it: accepted mostly within
 * the category's acceptance limit (8 % late), escalated by the sweep when nobody accepts or the deadline
 * passes, sometimes by the handler for help from above, closed mostly before due_at (10 % late), called
 * back with satisfaction; 3 % recalled by the reporter. Steps after `now` have not happened yet.
 */
export function planIncident(
  rng: Rng,
  category: CategoryTerms,
  source: string,
  reportedAt: number,
  now: number,
  dispatching: Dispatching,
): Timeline {
  const state: IncidentState = {
    status: 'reported',
    level: category.startLevel,
    acceptDueAt: category.acceptBy(reportedAt),
    dueAt: category.dueBy(reportedAt),
    acceptedAt: null,
    repliedAt: null,
    closedAt: null,
    satisfaction: null,
    overdue: false,
    supervised: false,
    assigneeUserId: null,
    departmentId: null,
  };
  const steps: PlannedStep[] = [];
  const changes: Change[] = [];
  let t = reportedAt;
  let level = category.startLevel;
  let acceptDue = state.acceptDueAt;
  /** How long the rung's acceptance clock runs. */
  let acceptSpan = acceptDue - reportedAt;
  const between = (from: number, to: number) => from + rng.next() * (to - from);
  const handler = () => LEVEL_ROLE[level];
  /** Takes a step no earlier than a minute after the one before; `change` gets the time it happened. */
  const go = (
    action: string,
    to: IncidentStatus,
    at: number,
    actor: string,
    note: string | null,
    change: (at: number) => Change = () => ({}),
    data: Record<string, unknown> = {},
  ) => {
    const from = steps.length ? steps[steps.length - 1].to : null;
    t = Math.max(at, t + 60_000);
    steps.push({ action, from, to, at: t, actor, note, data: { ...data, level } });
    changes.push({ status: to, level, ...change(t) });
  };
  const climb = (actor: string, note: string, marked: Change = {}) => {
    level += 1;
    go('escalate', 'reported', t, actor, note, (at) => {
      acceptDue = category.acceptBy(at);
      acceptSpan = acceptDue - at;
      return { acceptDueAt: acceptDue, assigneeUserId: null, departmentId: null, ...marked };
    });
  };
  const accept = (late: boolean) => {
    const at = late
      ? acceptDue + between(0.1, 1.5) * acceptSpan
      : between(t + 0.05 * (acceptDue - t), t + 0.9 * (acceptDue - t));
    go('accept', 'accepted', at, handler(), null, (when) => ({ acceptedAt: when }));
  };
  let worker: string = handler();
  const work = () => {
    const toDepartment = level >= 2 && dispatching.departmentId !== null && rng.next() < 0.7;
    const assigneeUserId = toDepartment ? null : dispatching.assigneeAt(level);
    const departmentId = toDepartment ? dispatching.departmentId : null;
    const data = departmentId
      ? { departmentId: String(departmentId) }
      : assigneeUserId
        ? { assigneeUserId: String(assigneeUserId) }
        : {};
    go(
      'dispatch',
      'dispatched',
      t + between(0.1, 3) * HOUR,
      handler(),
      null,
      () => ({ assigneeUserId, departmentId }),
      data,
    );
    worker = departmentId ? 'department_officer' : handler();
    go('start', 'in_progress', t + between(0.2, 6) * HOUR, worker, null);
  };

  go('report', 'reported', reportedAt, source, null, () => ({}), { source });
  if (rng.next() < 0.03) {
    if (rng.next() < 0.4) accept(false);
    go('recall', 'recalled', t + between(0.5, 20) * HOUR, source, '问题已自行解决');
    return settle(state, steps, changes, now);
  }
  if (level < TOP_LEVEL && category.autoEscalate && rng.next() < 0.03) {
    t = acceptDue;
    climb('system', 'not_accepted');
  }
  const lateAcceptance = rng.next() < 0.08;
  let rungs = level < TOP_LEVEL && rng.next() < 0.05 ? 1 : 0;
  if (rungs && level < TOP_LEVEL - 1 && rng.next() < 0.25) rungs = 2;
  accept(lateAcceptance && rungs === 0);
  for (let r = 1; r <= rungs; r++) {
    t += between(0.5, 24) * HOUR;
    climb(handler(), '需上级协调');
    accept(lateAcceptance && r === rungs);
  }
  work();
  let callbackAt = t + between(0.3, 0.97) * (state.dueAt - t);
  if (rng.next() < 0.1 || state.dueAt - t < 3 * HOUR) {
    // the sweep finds it open past due_at: marked overdue and supervised, and one rung up if it escalates
    t = Math.max(state.dueAt, t);
    const marked = { overdue: true, supervised: true };
    if (level < TOP_LEVEL && category.autoEscalate) {
      climb('system', 'overdue', marked);
      accept(false);
      work();
    } else go('overdue', 'in_progress', t, 'system', 'past the deadline', () => marked);
    // most close soon after the deadline; hard cases linger up to eight deadlines more, so some are open and overdue now
    callbackAt = t + (0.05 + 7.95 * between(0, 1) ** 4) * (state.dueAt - reportedAt);
  }
  const replyAt = t + between(0.5, 0.85) * (callbackAt - t);
  go('reply', 'replied', replyAt, worker, rng.pick(REPLIES), (at) => ({ repliedAt: at }));
  go('verify', 'verified', t + between(0.1, 0.9) * (callbackAt - t), handler(), null);
  const satisfaction = rng.weighted(SATISFACTION_MIX);
  go('callback', 'closed', callbackAt, handler(), null, (at) => ({ satisfaction, closedAt: at }), {
    satisfaction,
  });
  return settle(state, steps, changes, now);
}

/** Applies the steps that have happened by `now`; the rest are left out. */
function settle(state: IncidentState, steps: PlannedStep[], changes: Change[], now: number): Timeline {
  let happened = 0;
  while (happened < steps.length && steps[happened].at <= now) {
    Object.assign(state, changes[happened]);
    happened++;
  }
  return { state, steps: steps.slice(0, happened) };
}
