import type {
  AttendanceInput,
  CompletionInput,
  Course,
  CourseCreate,
  CourseDetail,
  CourseQuery,
  CourseUpdate,
  Enrolment,
  EnrolmentCreate,
  PersonTraining,
} from '@anju/contracts';
import type { Conn, Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { norms } from '../../platform/norms.ts';
import { labourPerson } from '../employment/employment.service.ts';
import { placeById } from '../places/places.service.ts';
import { assertHouseholdVisible } from '../registry/registry.service.ts';
import { dictionary } from '../registry/extras.service.ts';
import * as policy from './training.policy.ts';
import * as repo from './training.repo.ts';
import type { CourseRow, EnrolmentRow } from './training.sql.ts';

/** The norm a completion needs: hours attended at least this share (%) of the course's hours. */
const COMPLETION_NORM = 'training_completion_attendance_pct';

const today = () => new Date().toISOString().slice(0, 10);
const stale = () =>
  new AppError('conflict', 'changed by someone else', [{ field: 'version', reason: 'stale' }]);

const presentCourse = (ctx: Ctx, r: CourseRow): Course => ({
  id: String(r.id),
  title: r.title,
  provider: r.provider,
  kind: r.kind,
  placeId: String(r.place_id),
  placeName: r.place_name,
  startOn: r.start_on,
  endOn: r.end_on,
  hours: r.hours,
  capacity: r.capacity,
  enrolled: r.enrolled,
  completed: r.completed,
  demand: r.demand,
  mayKeep: policy.mayKeep(ctx.actor, r.place_path),
  version: r.version,
});

const presentEnrolment = (r: EnrolmentRow): Enrolment => ({
  id: String(r.id),
  courseId: String(r.course_id),
  personId: String(r.person_id),
  householdId: String(r.household_id),
  name: r.name,
  hoursAttended: Number(r.hours_attended),
  completedOn: r.completed_on,
  certificateKind: r.certificate_kind as Enrolment['certificateKind'],
  certificateNo: r.certificate_no,
  certificateOn: r.certificate_on,
  employedAfter: r.employed_after,
  version: r.version,
});

/** The training kinds offered, read before a transaction opens. */
const kindsOf = async (database: Database) =>
  (await dictionary(database, 'training_kind')).map((d) => d.code);

function checkFields(kinds: string[], f: { kind: string; startOn: string; endOn: string }) {
  if (f.endOn < f.startOn) throw invalid('endOn', 'is before startOn');
  if (!kinds.includes(f.kind)) throw invalid('kind', 'not a training kind');
}

/** The courses the caller reaches, newest first, each with its demand among the caller's people. */
export async function list(database: Database, ctx: Ctx, q: CourseQuery) {
  const { items, total } = await repo.listCourses(
    database.db,
    policy.courseScope(ctx.actor),
    policy.traineeScope(ctx.actor),
    { kind: q.kind, status: q.status, on: today() },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: items.map((r) => presentCourse(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

async function visibleCourse(conn: Conn, ctx: Ctx, id: number) {
  const course = await repo.findCourse(conn, id, policy.traineeScope(ctx.actor));
  policy.assertCourseVisible(ctx.actor, course);
  return course;
}

/** A course with the enrolments of the caller's people and the attendance share a completion needs. */
export async function get(database: Database, ctx: Ctx, id: number): Promise<CourseDetail> {
  const course = await visibleCourse(database.db, ctx, id);
  const [enrolments, [pct]] = await Promise.all([
    repo.enrolmentsOf(database.db, id, policy.traineeScope(ctx.actor), today()),
    norms(database.db, COMPLETION_NORM),
  ]);
  return { ...presentCourse(ctx, course), enrolments: enrolments.map(presentEnrolment), completionPct: pct };
}

/** Offers a course on a county, township or community of the caller's scope. */
export async function create(database: Database, ctx: Ctx, input: CourseCreate) {
  checkFields(await kindsOf(database), input);
  const id = await database.db.transaction(async (tx) => {
    const place = await placeById(tx, input.placeId);
    policy.assertCoursePlace(ctx.actor, place);
    const courseId = await repo.insertCourse(tx, place!, input, ctx.actor.userId);
    await audit(tx, ctx, {
      action: 'training.course_create',
      targetType: 'training_course',
      targetId: courseId,
      detail: { title: input.title, kind: input.kind },
    });
    return courseId;
  });
  return get(database, ctx, id);
}

/** Changes a course from the version it was read at (409 when stale); capacity never below the enrolled. */
export async function update(database: Database, ctx: Ctx, id: number, input: CourseUpdate) {
  const kinds = await kindsOf(database);
  await database.db.transaction(async (tx) => {
    const before = await visibleCourse(tx, ctx, id);
    policy.assertKeeps(ctx.actor, before.place_path);
    const next: repo.CourseFields = {
      title: input.title ?? before.title,
      provider: input.provider ?? before.provider,
      kind: input.kind ?? before.kind,
      startOn: input.startOn ?? before.start_on,
      endOn: input.endOn ?? before.end_on,
      hours: input.hours ?? before.hours,
      capacity: input.capacity ?? before.capacity,
    };
    checkFields(kinds, next);
    if (next.capacity < before.enrolled)
      throw invalid('capacity', 'is below the people enrolled ({{enrolled}})', { enrolled: before.enrolled });
    if (next.hours < (await repo.mostHoursAttended(tx, id)))
      throw invalid('hours', 'is below hours already attended');
    if (!(await repo.updateCourse(tx, id, input.version, next))) throw stale();
    await audit(tx, ctx, { action: 'training.course_update', targetType: 'training_course', targetId: id });
  });
  return get(database, ctx, id);
}

/** Enrols a person of the labour register: once a course, never past its capacity, even when many enrol at once. */
export async function enrol(database: Database, ctx: Ctx, courseId: number, input: EnrolmentCreate) {
  await database.db.transaction(async (tx) => {
    const course = await visibleCourse(tx, ctx, courseId);
    policy.assertKeeps(ctx.actor, course.place_path);
    const person = await labourPerson(tx, input.personId);
    policy.assertEnrollable(ctx.actor, course.place_path, person);
    const done = await repo.enrol(tx, courseId, input.personId);
    if (done === 'enrolled_already')
      throw new AppError('duplicate', 'enrolled already', [
        { field: 'personId', reason: 'is enrolled already' },
      ]);
    if (done === 'full')
      throw new AppError('conflict', 'the course is full', [
        {
          field: 'personId',
          reason: 'the course is full ({{capacity}} places)',
          params: { capacity: course.capacity },
        },
      ]);
    await audit(tx, ctx, {
      action: 'training.enrol',
      targetType: 'person',
      targetId: input.personId,
      detail: { courseId, enrolmentId: done },
    });
  });
  return get(database, ctx, courseId);
}

/** An enrolment the caller keeps: its course kept by them and its person living in their scope. */
async function keptEnrolment(conn: Conn, ctx: Ctx, id: number) {
  const enrolment = await repo.findEnrolment(conn, id, today());
  const course =
    enrolment && (await repo.findCourse(conn, enrolment.course_id, policy.traineeScope(ctx.actor)));
  if (!enrolment || !course) throw notFound('enrolment');
  policy.assertCourseVisible(ctx.actor, course);
  policy.assertEnrolmentVisible(ctx.actor, enrolment);
  policy.assertKeeps(ctx.actor, course.place_path);
  return { enrolment, course };
}

/** Records the hours a person attended: never more than the course's hours. */
export async function setAttendance(database: Database, ctx: Ctx, id: number, input: AttendanceInput) {
  await database.db.transaction(async (tx) => {
    const { enrolment, course } = await keptEnrolment(tx, ctx, id);
    if (input.hoursAttended > course.hours)
      throw invalid('hoursAttended', 'is more than the course hours ({{hours}})', { hours: course.hours });
    if (enrolment.completed_on !== null) throw invalid('hoursAttended', 'the enrolment is completed');
    if (!(await repo.setAttendance(tx, id, input.version, input.hoursAttended))) throw stale();
    await audit(tx, ctx, {
      action: 'training.attendance',
      targetType: 'person',
      targetId: enrolment.person_id,
      detail: { enrolmentId: id, hours: input.hoursAttended },
    });
  });
  return presentEnrolment((await repo.findEnrolment(database.db, id, today()))!);
}

/** Completes an enrolment with its certificate: the hours attended must reach the governance norm's share. */
export async function complete(database: Database, ctx: Ctx, id: number, input: CompletionInput) {
  await database.db.transaction(async (tx) => {
    const { enrolment, course } = await keptEnrolment(tx, ctx, id);
    if (enrolment.completed_on !== null) throw invalid('completedOn', 'the enrolment is completed');
    if (input.completedOn < course.start_on) throw invalid('completedOn', 'is before the course starts');
    if (input.completedOn > today()) throw invalid('completedOn', 'is in the future');
    if (input.certificateOn < input.completedOn) throw invalid('certificateOn', 'is before completedOn');
    const [pct] = await norms(tx, COMPLETION_NORM);
    const needed = (course.hours * pct) / 100;
    if (Number(enrolment.hours_attended) < needed)
      throw invalid('hoursAttended', 'attended fewer than {{needed}} hours ({{pct}} % of the course)', {
        needed,
        pct,
      });
    if (!(await repo.complete(tx, id, input.version, input))) throw stale();
    await audit(tx, ctx, {
      action: 'training.complete',
      targetType: 'person',
      targetId: enrolment.person_id,
      detail: { enrolmentId: id, certificateKind: input.certificateKind },
    });
  });
  return presentEnrolment((await repo.findEnrolment(database.db, id, today()))!);
}

/** The courses the members of a household took, for its employment view; members as the caller sees them. */
export async function ofHousehold(
  database: Database,
  ctx: Ctx,
  householdId: number,
): Promise<PersonTraining[]> {
  const household = await repo.householdPaths(database.db, householdId);
  assertHouseholdVisible(ctx.actor, household);
  const found = await repo.trainingsOfHousehold(
    database.db,
    householdId,
    policy.memberScope(ctx.actor),
    today(),
  );
  return found.map((r) => ({
    ...presentEnrolment(r),
    title: r.title,
    kind: r.kind,
    hours: r.hours,
    startOn: r.start_on,
    endOn: r.end_on,
  }));
}

/** The training figures of a place and its children (see `repo.completionFigures`). */
export const completionFigures = (conn: Conn, path: string, childDepth: number, since: string, on: string) =>
  repo.completionFigures(conn, path, childDepth, since, on);
