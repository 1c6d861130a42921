import { NOTICE_COLUMNS, type AnnouncementKind, type NoticeColumn } from '@anju/contracts';

export const NOTICE_LANGS = ['zh-CN', 'en-US'] as const;
export type NoticeLang = (typeof NOTICE_LANGS)[number];

/**
 * Everything a public notice shows, and nothing else: it never carries an ID number, a phone, a bank
 * account or anything about health.
 */
export interface NoticeFacts {
  communityName: string;
  headName: string;
  householdSize: number;
  category: string;
  riskTypes: string[];
  proposal: AnnouncementKind;
  /** The columns the region's policy prints, in the notice's order. */
  columns: NoticeColumn[];
}

/** The notice's period: its first and last whole day, and how many days that is. */
export interface NoticePeriod {
  from: string;
  until: string;
  days: number;
}

const TEXT = {
  'zh-CN': {
    identification: '防止返贫监测对象识别公示',
    elimination: '防止返贫监测对象风险消除公示',
    intro: '经入户核实、部门数据比对和社区评议，现将下列农户情况予以公示，接受群众监督。',
    period: (f: string, u: string, n: number) => `公示期：${f} 至 ${u}（共 ${n} 天）`,
    object: (c: string, u: string) =>
      `公示期内如有异议，请于 ${u} 当日结束前以书面或当面方式向${c}居民委员会反映。`,
    head: ['户主姓名', '家庭人口', '监测类别', '风险类型', '拟办事项'],
    proposal: { identification: '拟纳入防止返贫监测对象', elimination: '拟标注风险消除' },
    announced: {
      identification: '防止返贫监测对象识别结果公告',
      elimination: '防止返贫监测对象风险消除结果公告',
    },
    result: { identification: '已纳入防止返贫监测对象', elimination: '已标注风险消除' },
    announceIntro: (f: string, u: string) =>
      `经入户核实、部门数据比对、社区民主评议和公示（${f} 至 ${u}）无异议，乡镇审核、县级审定，现将结果公告如下。`,
    announceHead: ['户主姓名', '家庭人口', '监测类别', '风险类型', '审定结果'],
    persons: (n: number) => `${n} 人`,
    list: '、',
    signed: (c: string) => `${c}居民委员会`,
  },
  'en-US': {
    identification: 'Public notice: identification of a household for poverty-return monitoring',
    elimination: "Public notice: elimination of a monitored household's risk",
    intro:
      'After a home verification, a comparison with departments’ data and a community review, the household below is made public for residents to oversee.',
    period: (f: string, u: string, n: number) => `Notice period: ${f} to ${u} (${n} days)`,
    object: (c: string, u: string) =>
      `Anyone who objects may tell the ${c} community office, in writing or in person, by the end of ${u}.`,
    head: ['Head of household', 'Household size', 'Category', 'Risk types', 'Proposed'],
    proposal: {
      identification: 'To be identified as a monitored household',
      elimination: 'Risk to be marked eliminated',
    },
    announced: {
      identification: 'Result announcement: household identified for poverty-return monitoring',
      elimination: "Result announcement: monitored household's risk eliminated",
    },
    result: { identification: 'Identified as a monitored household', elimination: 'Risk marked eliminated' },
    announceIntro: (f: string, u: string) =>
      `After a home verification, a comparison with departments’ data, a community review, a public notice (${f} to ${u}) without objection, the township's review and the county's approval, the result is announced below.`,
    announceHead: ['Head of household', 'Household size', 'Category', 'Risk types', 'Result'],
    persons: (n: number) => `${n} ${n === 1 ? 'person' : 'persons'}`,
    list: ', ',
    signed: (c: string) => `${c} community office`,
  },
} as const;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const STYLE = `
  body { font-family: "SimSun", "Songti SC", serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; color: #000; }
  h1 { text-align: center; font-size: 1.6rem; margin-bottom: 1.5rem; }
  table { width: 100%; border-collapse: collapse; margin: 1.5rem 0; }
  th, td { border: 1px solid #000; padding: .5rem; text-align: center; }
  .signed { text-align: right; margin-top: 3rem; line-height: 2; }
  @page { size: A4; margin: 2cm; }
  @media print { body { margin: 0; max-width: none; } }`;

const page = (lang: NoticeLang, title: string, body: string) => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;

/** The table of the household, with only the columns the policy prints; the last column says `last`. */
function table(f: NoticeFacts, lang: NoticeLang, head: readonly string[], last: string) {
  const t = TEXT[lang];
  const cell: Record<NoticeColumn, string> = {
    head_name: f.headName,
    household_size: t.persons(f.householdSize),
    category: f.category,
    risk_types: f.riskTypes.join(t.list),
    proposal: last,
  };
  const shown = NOTICE_COLUMNS.filter((c) => f.columns.includes(c));
  const e = escapeHtml;
  return `<table>
<thead><tr>${shown.map((c) => `<th>${e(head[NOTICE_COLUMNS.indexOf(c)])}</th>`).join('')}</tr></thead>
<tbody><tr>${shown.map((c) => `<td>${e(cell[c])}</td>`).join('')}</tr></tbody>
</table>`;
}

/** The printable notice (公示) as a whole HTML page, every text escaped, its period in the days it runs. */
export function renderNotice(f: NoticeFacts, p: NoticePeriod, lang: NoticeLang): string {
  const t = TEXT[lang];
  const e = escapeHtml;
  return page(
    lang,
    t[f.proposal],
    `<p>${e(t.intro)}</p>
<p>${e(t.period(p.from, p.until, p.days))}</p>
${table(f, lang, t.head, t.proposal[f.proposal])}
<p>${e(t.object(f.communityName, p.until))}</p>
<p class="signed">${e(t.signed(f.communityName))}<br>${e(p.from)}</p>`,
  );
}

/** The result announcement (结果公告) published after the county's approval, from its archived facts. */
export function renderAnnouncement(
  f: NoticeFacts,
  notice: NoticePeriod,
  on: string,
  lang: NoticeLang,
): string {
  const t = TEXT[lang];
  const e = escapeHtml;
  return page(
    lang,
    t.announced[f.proposal],
    `<p>${e(t.announceIntro(notice.from, notice.until))}</p>
${table(f, lang, t.announceHead, t.result[f.proposal])}
<p class="signed">${e(t.signed(f.communityName))}<br>${e(on)}</p>`,
  );
}
