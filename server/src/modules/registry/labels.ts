import { ETHNIC_GROUPS } from '@anju/contracts';

/** Chinese labels for code lists in exports and templates (the web has its own i18n). */
export const ZH: Record<string, Record<string, string>> = {
  relation: {
    head: '户主',
    spouse: '配偶',
    child: '子女',
    child_in_law: '儿媳/女婿',
    grandchild: '孙子女',
    parent: '父母',
    parent_in_law: '公婆/岳父母',
    grandparent: '祖父母',
    sibling: '兄弟姐妹',
    other: '其他',
  },
  sex: { male: '男', female: '女' },
  labour: { full: '有劳动力', partial: '弱劳动力', none: '无劳动力' },
  education: {
    none: '未上学',
    primary: '小学',
    junior_secondary: '初中',
    senior_secondary: '高中',
    vocational: '中专/职高',
    college: '大专',
    bachelor: '本科',
    postgraduate: '研究生',
  },
  health: { healthy: '健康', chronic_illness: '长期慢性病', serious_illness: '患有大病', disabled: '残疾' },
  status: { living: '在册', deceased: '已故', moved_out: '已迁出' },
  resettlement: {
    urban_centralized: '城镇集中安置',
    town_centralized: '集镇集中安置',
    village_centralized: '中心村集中安置',
    dispersed: '分散安置',
  },
  poverty: { out_of_poverty: '脱贫户', monitored: '监测户', ordinary: '一般户' },
  ethnicity: Object.fromEntries(ETHNIC_GROUPS.map(([code, zh]) => [code, zh])),
};

export const zh = (list: string, code: string | null | undefined) => (code ? (ZH[list][code] ?? code) : '');

/** The code whose Chinese label (or code) is `label`, for imports. */
export function codeOf(list: string, label: string): string | undefined {
  const v = label.trim();
  if (v in ZH[list]) return v;
  return Object.entries(ZH[list]).find(([, l]) => l === v)?.[0];
}
