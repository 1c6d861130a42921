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
  proposal: 'identification' | 'elimination';
  from: string;
  until: string;
}

const TEXT = {
  'zh-CN': {
    identification: '防止返贫监测对象识别公示',
    elimination: '防止返贫监测对象风险消除公示',
    intro: '经入户核实、部门数据比对和社区评议，现将下列农户情况予以公示，接受群众监督。',
    period: (f: string, u: string) => `公示期：${f} 至 ${u}`,
    object: (c: string, u: string) => `公示期内如有异议，请于 ${u} 前以书面或当面方式向${c}居民委员会反映。`,
    head: ['户主姓名', '家庭人口', '监测类别', '风险类型', '拟办事项'],
    proposal: { identification: '拟纳入防止返贫监测对象', elimination: '拟标注风险消除' },
    persons: (n: number) => `${n} 人`,
    list: '、',
    signed: (c: string) => `${c}居民委员会`,
  },
  'en-US': {
    identification: 'Public notice: identification of a household for poverty-return monitoring',
    elimination: "Public notice: elimination of a monitored household's risk",
    intro:
      'After a home verification, a comparison with departments’ data and a community review, the household below is made public for residents to oversee.',
    period: (f: string, u: string) => `Notice period: ${f} to ${u}`,
    object: (c: string, u: string) =>
      `Anyone who objects may tell the ${c} community office, in writing or in person, before ${u}.`,
    head: ['Head of household', 'Household size', 'Category', 'Risk types', 'Proposed'],
    proposal: {
      identification: 'To be identified as a monitored household',
      elimination: 'Risk to be marked eliminated',
    },
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

/** The printable notice (公示) as a whole HTML page, every text escaped. */
export function renderNotice(f: NoticeFacts, lang: NoticeLang): string {
  const t = TEXT[lang];
  const e = escapeHtml;
  const cells = [
    f.headName,
    t.persons(f.householdSize),
    f.category,
    f.riskTypes.join(t.list),
    t.proposal[f.proposal],
  ];
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${e(t[f.proposal])}</title><style>${STYLE}</style></head>
<body>
<h1>${e(t[f.proposal])}</h1>
<p>${e(t.intro)}</p>
<p>${e(t.period(f.from, f.until))}</p>
<table>
<thead><tr>${t.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody><tr>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr></tbody>
</table>
<p>${e(t.object(f.communityName, f.until))}</p>
<p class="signed">${e(t.signed(f.communityName))}<br>${e(f.from)}</p>
</body>
</html>
`;
}
