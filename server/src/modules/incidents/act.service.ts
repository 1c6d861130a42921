import type { IncidentAct, IncidentStatus } from '@anju/contracts';
import type { Database, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { notifyUsers } from '../../platform/notify/notify.ts';
import { canSee, standingOf } from './incidents.policy.ts';
import * as repo from './incidents.repo.ts';
import { get, handlingFor } from './incidents.service.ts';
import type { IncidentRow } from './incidents.sql.ts';
import { extensionRoom, fromTimeline } from './extension.ts';
import { decide } from './workflow.ts';
import { acceptDueFromNow, dueAtPlus, dueAtPlusDays, dueUnderCategory, NOW } from './act.sql.ts';
import * as acceptances from './acceptances.repo.ts';
import * as dispatch from './dispatch.repo.ts';
import { LEVEL_ROLE } from './ladder.ts';
import { REPORTER_NEWS } from './reporter-news.ts';

/** Why the workflow table refuses, and whether the refusal is about who acts (403) or about now (409). */
const REASONS = {
  not_now: ['conflict', 'is not possible in the current status'],
  not_yours: ['forbidden', 'is not yours to take on this incident'],
  top_level: ['conflict', 'cannot go above the county'],
  target: ['forbidden', 'nobody dispatches an incident to themselves'],
  replier: ['forbidden', 'the one who replied cannot verify or call back the same incident'],
  asker: ['forbidden', 'an extension is granted by the level above, never by the one who asked'],
  asked: ['conflict', 'no extension is asked for'],
  not_asked: ['conflict', 'an extension is already asked for'],
  before_due: ['conflict', 'an extension must be asked before the deadline'],
  not_rated: ['conflict', 'the outcome is already rated'],
} as const;

/** Columns an action sets besides status, level and version. */
async function effects(
  tx: Tx,
  i: IncidentRow,
  input: IncidentAct,
  level: number,
  actorId: number,
): Promise<{
  set: Record<string, unknown>;
  notify: number[];
  kind?: 'incident_dispatched' | 'incident_escalated' | 'incident_supervised';
  /** What the step and the audit row record besides the action's input. */
  data?: Record<string, unknown>;
}> {
  switch (input.action) {
    case 'accept':
      return { set: { accepted_at: NOW }, notify: [] };
    case 'handle':
      return { set: { assignee_user_id: actorId, department_id: null }, notify: [] };
    case 'start':
      // a department accepts (签收) what it was sent by starting on it
      if (i.department_id !== null) await acceptances.departmentAccepts(tx, i.id, i.department_id);
      return { set: {}, notify: [] };
    case 'dispatch': {
      if (!input.assigneeUserId === !input.departmentId)
        throw invalid('assigneeUserId', 'give either an assignee or a department');
      if (input.departmentId) {
        if (!(await dispatch.isCountyDepartment(tx, Number(input.departmentId), i.place_path)))
          throw invalid('departmentId', 'not a department of this county');
        await acceptances.startDepartmentClock(tx, i.id, Number(input.departmentId));
        return {
          set: { department_id: Number(input.departmentId), assignee_user_id: null },
          notify: await dispatch.departmentUsers(tx, Number(input.departmentId)),
          kind: 'incident_dispatched',
        };
      }
      const assignee = Number(input.assigneeUserId);
      if (!(await dispatch.worksOver(tx, assignee, i.place_path)))
        throw invalid('assigneeUserId', 'works outside the place of this incident');
      return {
        set: { assignee_user_id: assignee, department_id: null },
        notify: [assignee],
        kind: 'incident_dispatched',
      };
    }
    case 'reply':
      if (!input.note) throw invalid('note', 'a reply needs the outcome written down');
      return { set: { replied_at: NOW }, notify: [] };
    case 'return':
    case 'reject':
      if (!input.note) throw invalid('note', 'give the reason');
      return {
        set: input.action === 'return' ? { assignee_user_id: null, department_id: null } : {},
        notify: [],
      };
    case 'callback':
      if (!input.satisfaction) throw invalid('satisfaction', 'record how satisfied the reporter is');
      return { set: { satisfaction: input.satisfaction, closed_at: NOW }, notify: [] };
    case 'extend': {
      const { granted, cap, inDays } = await extensionRoom(tx, i.id);
      if (inDays) {
        if (!input.days || !input.note) throw invalid('days', 'an extension needs working days and a reason');
        if (granted + input.days > cap)
          throw invalid('days', 'extensions of this category add up to at most {{days}} working days', {
            days: cap,
          });
        return { set: { due_at: dueAtPlusDays(input.days), overdue: false }, notify: [] };
      }
      if (!input.hours || !input.note) throw invalid('hours', 'an extension needs hours and a reason');
      if (granted + input.hours > cap)
        throw invalid('hours', 'extensions of this category add up to at most {{hours}} hours', {
          hours: cap,
        });
      return { set: { due_at: dueAtPlus(input.hours), overdue: false }, notify: [] };
    }
    case 'ask_extension':
      if ((await extensionRoom(tx, i.id)).inDays) {
        if (!input.days) throw invalid('days', 'say how many more working days are needed');
      } else if (!input.hours) throw invalid('hours', 'say how many more hours are needed');
      if (!input.note) throw invalid('note', 'give the reason');
      return { set: {}, notify: [] };
    case 'deny_extension':
      if (!input.note) throw invalid('note', 'give the reason');
      return { set: {}, notify: [] };
    case 'progress':
      if (!input.note) throw invalid('note', 'write down what was done');
      return { set: {}, notify: [] };
    case 'rate':
      if (!input.satisfaction) throw invalid('satisfaction', 'say how satisfied the reporter is');
      // the reporter's own word replaces what the callback recorded for them
      return { set: { satisfaction: input.satisfaction, rated_at: NOW }, notify: [] };
    case 'classify': {
      if (!input.categoryCode) throw invalid('categoryCode', 'choose a category');
      if (input.categoryCode === i.category_code)
        throw invalid('categoryCode', 'is already the category of this incident');
      if (!(await repo.category(tx, input.categoryCode))) throw invalid('categoryCode', 'unknown category');
      return {
        set: {
          category_code: input.categoryCode,
          accept_due_at: dueUnderCategory(input.categoryCode, 'accept_due_at'),
          due_at: dueUnderCategory(input.categoryCode, 'due_at'),
        },
        notify: [],
        data: { fromCategory: i.category_code, toCategory: input.categoryCode },
      };
    }
    case 'supervise':
      return {
        set: { supervised: true },
        notify: i.assignee_user_id ? [i.assignee_user_id] : [],
        kind: 'incident_supervised',
      };
    case 'escalate': {
      const handling = await handlingFor(tx, i.place_path, 0, level);
      await acceptances.keepRungClock(tx, i.id);
      return {
        set: {
          accepted_at: null,
          level: handling.level,
          handling_place_id: handling.place.id,
          assignee_user_id: null,
          department_id: null,
          accept_due_at: acceptDueFromNow,
        },
        notify: await dispatch.handlersAt(tx, handling.place.id, LEVEL_ROLE[handling.level]),
        kind: 'incident_escalated',
      };
    }
    default:
      return { set: {}, notify: [] };
  }
}

/** Takes one workflow action; two people acting on one version: one wins, the other gets 409. */
export async function act(database: Database, ctx: Ctx, id: number, input: IncidentAct) {
  await database.db.transaction(async (tx) => {
    const i = await repo.findById(tx, id, true);
    const departments = await repo.departmentsOf(tx, ctx.actor.userId);
    if (!i || !canSee(ctx.actor, i, departments)) throw new AppError('not_found', 'incident not found');
    if (i.version !== input.version)
      throw conflict('the incident was changed by someone else; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    const { facts, duties } = fromTimeline(i, await repo.steps(tx, id), ctx.actor.userId);
    const target =
      input.action === 'dispatch' &&
      (Number(input.assigneeUserId) === ctx.actor.userId || departments.includes(Number(input.departmentId)));
    const standing = { ...standingOf(ctx.actor, i, departments), ...duties, target };
    const decision = decide(i.status as IncidentStatus, i.level, input.action, standing, facts);
    if (!decision.ok) {
      const [code, reason] = REASONS[decision.reason];
      throw new AppError(code, `${input.action}: ${reason}`, [{ field: 'action', reason }]);
    }
    const { set, notify, kind, data } = await effects(tx, i, input, decision.level, ctx.actor.userId);
    await repo.applyAction(tx, id, { ...set, status: decision.to });
    await repo.addStep(tx, {
      incidentId: id,
      action: input.action,
      from: i.status,
      to: decision.to,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.username,
      note: input.note,
      data: {
        satisfaction: input.satisfaction,
        hours: input.hours,
        days: input.days,
        assigneeUserId: input.assigneeUserId,
        departmentId: input.departmentId,
        level: decision.level,
        ...data,
      },
    });
    if (kind)
      await notifyUsers(tx, notify, {
        kind,
        params: { title: i.title, code: i.code },
        link: `/incidents/${id}`,
      });
    const news = REPORTER_NEWS[input.action];
    // an Open311 system files as its key (a negative id), which no message reaches
    if (news && i.reporter_user_id && i.reporter_user_id > 0 && i.reporter_user_id !== ctx.actor.userId)
      await notifyUsers(tx, [i.reporter_user_id], {
        kind: news,
        params: { title: i.title, code: i.code },
        link: `/incidents/${id}`,
      });
    await audit(tx, ctx, {
      action: `incident.${input.action}`,
      targetType: 'incident',
      targetId: id,
      detail: { from: i.status, to: decision.to, ...data },
    });
  });
  return get(database, ctx, id);
}
