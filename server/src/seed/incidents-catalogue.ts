/** The county departments incidents are dispatched to (county code + code is unique). */
export const DEPARTMENTS = [
  { code: 'civil_affairs', nameZh: '民政局', nameEn: 'Civil affairs bureau' },
  {
    code: 'human_resources',
    nameZh: '人力资源和社会保障局',
    nameEn: 'Human resources and social security bureau',
  },
  { code: 'health', nameZh: '卫生健康局', nameEn: 'Health bureau' },
  { code: 'education', nameZh: '教育体育局', nameEn: 'Education and sports bureau' },
  { code: 'medical_insurance', nameZh: '医疗保障局', nameEn: 'Medical insurance bureau' },
  { code: 'housing', nameZh: '住房和城乡建设局', nameEn: 'Housing and urban-rural development bureau' },
  { code: 'water', nameZh: '水务局', nameEn: 'Water bureau' },
  { code: 'rural_revitalisation', nameZh: '乡村振兴局', nameEn: 'Rural revitalisation bureau' },
  { code: 'public_security', nameZh: '公安局', nameEn: 'Public security bureau' },
  { code: 'natural_resources', nameZh: '自然资源局', nameEn: 'Natural resources bureau' },
  { code: 'emergency', nameZh: '应急管理局', nameEn: 'Emergency management bureau' },
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

/**
 * How often each category is reported (relative weights): disputes, sanitation, repairs and policy
 * questions make most of the daily work; safety and schooling are rarer. The department a township
 * or the county dispatches it to, when one fits.
 */
export const CATEGORY_MIX: Record<string, { weight: number; department?: DepartmentCode }> = {
  neighbour_dispute: { weight: 17 },
  environment_sanitation: { weight: 16, department: 'housing' },
  property_repair: { weight: 16, department: 'housing' },
  policy_consultation: { weight: 14, department: 'rural_revitalisation' },
  water_power_supply: { weight: 7, department: 'water' },
  employment_help: { weight: 7, department: 'human_resources' },
  social_assistance: { weight: 6, department: 'civil_affairs' },
  medical_insurance: { weight: 4, department: 'medical_insurance' },
  hukou_transfer: { weight: 3, department: 'public_security' },
  origin_land_rights: { weight: 2.5, department: 'natural_resources' },
  public_security: { weight: 2, department: 'public_security' },
  safety_hazard: { weight: 1.5, department: 'emergency' },
  schooling: { weight: 1.5, department: 'education' },
  other: { weight: 2.5, department: 'health' },
};

/**
 * Categories whose limits the demo counts in working days, by the holiday calendar, as the 12345
 * work-order rules do for requests a department handles; the others keep their hours.
 */
export const WORKING_DAY_LIMITS: Record<string, { acceptDays: number; deadlineDays: number }> = {
  social_assistance: { acceptDays: 1, deadlineDays: 5 },
};

/** Who reports: residents, grid workers on their rounds, party members, the 12345 hotline, departments. */
export const SOURCE_MIX = [
  ['resident', 45],
  ['grid_worker', 35],
  ['party_member', 10],
  ['hotline_12345', 8],
  ['department', 2],
] as const;

export const SATISFACTION_MIX = [
  ['satisfied', 85],
  ['basically_satisfied', 10],
  ['dissatisfied', 5],
] as const;

/** What reports say, by category (titles of at most 100 characters, no commas). */
export const TITLES: Record<string, readonly string[]> = {
  neighbour_dispute: ['楼上卫生间漏水到楼下', '邻居夜间噪音扰民', '楼道堆放杂物引发争执', '停车位占用纠纷'],
  environment_sanitation: ['垃圾清运不及时', '楼道卫生无人打扫', '化粪池满溢', '小区绿化带有人种菜'],
  property_repair: ['楼道灯不亮', '单元门禁损坏', '屋顶渗水', '下水管道堵塞'],
  water_power_supply: ['停水未提前通知', '电表跳闸无法恢复', '水压不足', '天然气未开通'],
  public_security: ['小区有陌生人推销', '电动车被盗', '夜间有人聚集喝酒'],
  safety_hazard: ['电动车楼道充电', '消防通道被占用', '楼顶护栏松动'],
  employment_help: ['想到帮扶车间上班', '求职登记咨询', '外出务工交通补贴申请'],
  social_assistance: ['低保申请进度咨询', '临时救助申请', '残疾人补贴未到账'],
  medical_insurance: ['医保异地报销咨询', '慢性病门诊待遇办理', '医保缴费补助'],
  schooling: ['孩子转学入学手续', '学位申请咨询', '寄宿生生活补助'],
  hukou_transfer: ['户口迁移手续咨询', '身份证补办', '居住证办理'],
  origin_land_rights: ['原籍承包地流转收益', '原籍林地补偿款', '旧房拆除复垦补助'],
  policy_consultation: ['后续扶持政策咨询', '搬迁户物业费减免', '公益性岗位申请条件'],
  other: ['建议增设便民服务点', '社区活动室开放时间', '老年食堂就餐咨询'],
};

/** Replies written down when the work is done. */
export const REPLIES = [
  '已上门处理 问题已解决',
  '已协调相关部门办理完毕',
  '已向群众解释政策 群众表示理解',
  '已维修完毕',
];
