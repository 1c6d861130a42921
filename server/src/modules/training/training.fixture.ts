import { addPlace, type Client, type TestApp } from '../../../test/harness.ts';
import { family, type RegistryWorld } from '../registry/registry.fixture.ts';

/** A household of three in a new dwelling of the world's building: head and spouse are of the labour force. */
export async function newFamily(t: TestApp, w: RegistryWorld) {
  const dwelling = await addPlace(t.database, w.tree.building, 'dwelling', `${Math.random()}`.slice(2, 8));
  const h = await family(w, dwelling);
  const [head, spouse, child] = h.members as { id: string }[];
  return { id: h.id as string, head: head.id, spouse: spouse.id, child: child.id };
}

/** A course of 40 hours for 30 people, offered on `placeId`. */
export const course = (c: Client, placeId: number, over: Record<string, unknown> = {}) =>
  c.post('/api/training/courses', {
    title: '家政服务培训班',
    provider: '县职业技能培训学校',
    kind: 'vocational_skills',
    placeId: String(placeId),
    startOn: '2025-01-06',
    endOn: '2025-01-31',
    hours: 40,
    capacity: 30,
    ...over,
  });

/** Enrols a person and returns their enrolment's id. */
export async function enrolled(c: Client, courseId: string, personId: string) {
  const res = await c.post(`/api/training/courses/${courseId}/enrolments`, { personId });
  if (res.statusCode !== 201) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
  return (res.json().enrolments as { id: string; personId: string }[]).find((e) => e.personId === personId)!
    .id;
}

/** Records the hours and completes with a certificate on `completedOn`. */
export async function completed(c: Client, enrolmentId: string, hours: number, completedOn = '2025-01-31') {
  const a = await c.put(`/api/training/enrolments/${enrolmentId}/attendance`, {
    hoursAttended: hours,
    version: 1,
  });
  if (a.statusCode !== 200) throw new Error(`attendance: ${a.statusCode} ${a.body}`);
  return c.post(`/api/training/enrolments/${enrolmentId}/completion`, {
    completedOn,
    certificateKind: 'skill_level',
    certificateNo: `ZS${enrolmentId}`,
    certificateOn: completedOn,
    version: 2,
  });
}
