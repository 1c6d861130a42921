import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../db/rows.ts';
import { addPlace, errorCode, randomIdNumber } from '../../../test/harness.ts';
import { member } from '../registry/registry.fixture.ts';
import { NOTICE_COLUMNS } from '@anju/contracts';
import { renderNotice } from './notice.ts';
import { act, backdateNotice, caseSuite, COMPARISON, review, step, VERIFICATION } from './cases.fixture.ts';

const s = caseSuite();

/** An ID number whose last four characters cannot be mistaken for a year printed on the notice. */
function idNumber(birth: string, sex: 'male' | 'female') {
  for (;;) {
    const id = randomIdNumber({ birth, sex });
    if (!/^20\d\d$/.test(id.slice(-4))) return id;
  }
}

const PHONES = ['13987654321', '15011112222'];

/** A household whose members carry ID numbers, phones, illness and disability: none may reach a notice. */
async function privateHousehold() {
  const dwelling = await addPlace(s.t.database, s.w.tree.building, 'dwelling', '公示测试室');
  const ids = [
    idNumber('1979-02-03', 'male'),
    idNumber('1981-07-08', 'female'),
    idNumber('2011-04-05', 'male'),
  ];
  const res = await s.w.staff.post('/api/households', {
    dwellingId: String(dwelling),
    originVillageId: String(s.w.village),
    relocationYear: 2018,
    resettlementType: 'urban_centralized',
    povertyStatus: 'out_of_poverty',
    members: [
      member(s.w, { name: '张建国', idNumber: ids[0], phone: PHONES[0], health: 'chronic_illness' }),
      member(s.w, {
        name: '刘秀英',
        relation: 'spouse',
        idNumber: ids[1],
        phone: PHONES[1],
        health: 'disabled',
        disabilityGrade: 2,
        tags: ['serious_illness'],
      }),
      member(s.w, { name: '张小明', relation: 'child', idNumber: ids[2], health: 'serious_illness' }),
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const household = res.json();
  const lead = await s.w.staff.post('/api/monitoring/leads', {
    householdId: household.id,
    source: 'visit',
    note: '配偶残疾，孩子重病',
  });
  const opened = await s.w.staff.post('/api/monitoring/cases', { leadId: lead.json().id });
  expect(opened.statusCode, opened.body).toBe(201);
  return { household, ids, id: opened.json().id as string };
}

const notice = (id: string, lang = 'zh-CN') =>
  s.w.staff.get(`/api/monitoring/cases/${id}/notice?lang=${lang}`);

describe('the public notice', () => {
  it('shows the household without ID numbers, phones or health, from the day it is published', async () => {
    const { household, ids, id } = await privateHousehold();
    expect(errorCode(await notice(id))).toBe('conflict');
    await step(s.w.staff, id, {
      action: 'verify',
      verification: { ...VERIFICATION, riskTypes: ['illness', 'schooling'] },
    });
    await step(s.w.staff, id, { action: 'compare', comparison: COMPARISON });
    expect(errorCode(await notice(id))).toBe('conflict');
    const published = await step(s.w.staff, id, { action: 'publish_notice', review: review() });

    const zh = await notice(id);
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = zh.body;
    expect(html).toContain('防止返贫监测对象识别公示');
    expect(html).toContain('靖安社区');
    expect(html).toContain('张建国');
    expect(html).toContain('3 人');
    expect(html).toContain('突发严重困难户');
    // risk labels revealing health or disability are not printed by default
    expect(html).toContain('<td>因学</td>');
    expect(html).toContain('拟纳入防止返贫监测对象');
    // five whole days: the first and the last printed, and their number
    expect(published.noticeUntil).toBe(
      new Date(Date.parse(published.noticeFrom) + 4 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(html).toContain(`公示期：${published.noticeFrom} 至 ${published.noticeUntil}（共 5 天）`);
    expect(html).toContain(`请于 ${published.noticeUntil} 当日结束前以书面或当面方式`);
    expect(html).toContain('@media print');

    const en = (await notice(id, 'en-US')).body;
    expect(en).toContain('Sudden severe hardship');
    expect(en).toContain('<td>Schooling costs</td>');
    expect(en).toContain('(5 days)');
    expect(en).toContain('To be identified as a monitored household');

    const secrets = [
      ...ids,
      ...ids.map((n) => n.slice(-4)),
      ...PHONES,
      ...PHONES.map((p) => p.slice(-4)),
      household.householdNo,
      '刘秀英',
      '张小明',
      '残疾',
      '大病',
      '慢性',
      'disab',
      'chronic',
      'serious',
      'healthy',
      '因病',
      'Illness',
    ];
    for (const doc of [html, en]) for (const secret of secrets) expect(doc, secret).not.toContain(secret);

    const [audited] = await rows<{ n: number }>(
      s.t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.notice' AND target_id = ${id}`,
    );
    expect(audited.n).toBe(2);
  });

  it('prints the last notice after the case moved on; both sides may print, others find nothing', async () => {
    const { id } = await privateHousehold();
    await step(s.w.staff, id, { action: 'verify', verification: VERIFICATION });
    await step(s.w.staff, id, { action: 'compare', comparison: COMPARISON });
    const published = await step(s.w.staff, id, { action: 'publish_notice', review: review() });
    await backdateNotice(s.t, id, 5);
    await step(s.w.staff, id, { action: 'approve' });
    const later = await s.w.origin.get(`/api/monitoring/cases/${id}/notice`);
    expect(later.statusCode).toBe(200);
    expect(later.body).toContain(`公示期：${published.noticeFrom} 至 ${published.noticeUntil}`);
    expect((await s.w.township.get(`/api/monitoring/cases/${id}/notice?lang=en-US`)).statusCode).toBe(200);
    expect(errorCode(await s.w.neighbour.get(`/api/monitoring/cases/${id}/notice`))).toBe('not_found');
    const back = await act(s.w.township, id, { action: 'send_back', reason: '群众有异议' });
    expect(back.statusCode).toBe(200);
    expect(errorCode(await notice(id))).toBe('conflict');
    expect((await notice(id, 'fr-FR')).statusCode).toBe(400);
  });

  it('escapes every text it prints', () => {
    const html = renderNotice(
      {
        communityName: '<script>alert(1)</script>',
        headName: '"王"&<b>',
        householdSize: 1,
        category: "a'b",
        riskTypes: ['<i>'],
        proposal: 'elimination',
        columns: [...NOTICE_COLUMNS],
      },
      { from: '2026-11-20', until: '2026-11-24', days: 5 },
      'en-US',
    );
    expect(html).not.toMatch(/<script>|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;王&quot;&amp;&lt;b&gt;');
    expect(html).toContain('a&#39;b');
    expect(html).toContain('1 person');
    expect(html).toContain('Risk to be marked eliminated');
    expect(html).toContain('Notice period: 2026-11-20 to 2026-11-24 (5 days)');
  });

  it('prints only the columns the region chose', () => {
    const html = renderNotice(
      {
        communityName: '靖安',
        headName: '李明',
        householdSize: 3,
        category: '突发严重困难户',
        riskTypes: ['因学'],
        proposal: 'identification',
        columns: ['head_name', 'proposal'],
      },
      { from: '2026-11-20', until: '2026-11-26', days: 7 },
      'zh-CN',
    );
    expect(html).toContain('<th>户主姓名</th><th>拟办事项</th>');
    expect(html).not.toContain('突发严重困难户');
    expect(html).not.toContain('因学');
    expect(html).toContain('（共 7 天）');
  });
});
