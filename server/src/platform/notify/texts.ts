import type { MessageLocale, NotificationKind } from '@anju/contracts';

type Wording = Record<MessageLocale, string>;

/**
 * What an outbound message (SMS, WeChat) says for each kind, in the recipient's language; the web
 * words the same notifications in its own locale files (`notifications.<kind>`).
 */
export const MESSAGE_TEXTS: Record<NotificationKind, Wording> = {
  account_locked: {
    'zh-CN': '账号 {{username}} 连续5次登录失败已被锁定（来源 {{ip}}）',
    'en-US': 'Account {{username}} was locked after 5 failed sign-ins (from {{ip}})',
  },
  password_reset: {
    'zh-CN': '您的密码已被 {{by}} 重置；如非本人申请，请联系安全管理员',
    'en-US':
      'Your password was reset by {{by}}; if you did not ask for this, tell the security administrator',
  },
  incident_reported: {
    'zh-CN': '新事件待签收：{{title}}',
    'en-US': 'New incident to accept: {{title}}',
  },
  incident_dispatched: {
    'zh-CN': '事件已派给您：{{title}}',
    'en-US': 'Incident dispatched to you: {{title}}',
  },
  incident_escalated: {
    'zh-CN': '事件已上报至本级：{{title}}',
    'en-US': 'Incident escalated to your level: {{title}}',
  },
  incident_supervised: {
    'zh-CN': '事件被督办：{{title}}',
    'en-US': 'Incident under supervision: {{title}}',
  },
  incident_overdue: {
    'zh-CN': '事件已超期：{{title}}',
    'en-US': 'Incident overdue: {{title}}',
  },
  case_overdue: {
    'zh-CN': '监测对象识别已超过15天：{{headName}}（户编号 {{householdNo}}）',
    'en-US': 'Monitoring case past its 15 days: {{headName}} ({{householdNo}})',
  },
  account_needs_roles: {
    'zh-CN': '新账号 {{displayName}}（{{username}}）还没有角色，请为其分配角色和范围',
    'en-US': 'New account {{displayName}} ({{username}}) has no roles yet: grant its roles and scope',
  },
  report_accepted: {
    'zh-CN': '您反映的“{{title}}”已受理，我们会尽快安排人处理。',
    'en-US': 'We have taken up your report “{{title}}” and will soon have someone on it.',
  },
  report_in_hand: {
    'zh-CN': '您反映的“{{title}}”已有专人负责，正在处理。',
    'en-US': 'Someone is now looking after your report “{{title}}”.',
  },
  report_returned: {
    'zh-CN': '您反映的“{{title}}”正在重新安排人处理。',
    'en-US': 'We are finding someone else to look after your report “{{title}}”.',
  },
  report_escalated: {
    'zh-CN': '您反映的“{{title}}”已交给上一级处理。',
    'en-US': 'Your report “{{title}}” has been passed to the office above for help.',
  },
  report_extended: {
    'zh-CN': '您反映的“{{title}}”需要多一些时间，办理期限已延长，请在详情中查看。',
    'en-US':
      'Your report “{{title}}” needs more time; the date it will be done by has moved, see the details.',
  },
  report_replied: {
    'zh-CN': '您反映的“{{title}}”已处理，我们正在核实处理结果。',
    'en-US': 'Your report “{{title}}” has been dealt with; we are checking the result.',
  },
  report_closed: {
    'zh-CN': '您反映的“{{title}}”已办结，谢谢您。请点开告诉我们您是否满意。',
    'en-US': 'Your report “{{title}}” is done. Thank you. Please open it and tell us if you are satisfied.',
  },
  zero_employment: {
    'zh-CN': '{{householdNo}}（{{headName}}）有劳动力但无人就业，请于 {{dueOn}} 前帮扶清零',
    'en-US': '{{householdNo}} ({{headName}}) has labour but nobody employed: help clear it by {{dueOn}}',
  },
  service_referred: {
    'zh-CN': '需求“{{summary}}”已转介给你们机构，请按时接单或退回',
    'en-US': 'The need “{{summary}}” was referred to your organization: accept or decline it in time',
  },
  service_overdue: {
    'zh-CN': '需求“{{summary}}”已超过办理期限，请尽快处理',
    'en-US': 'The need “{{summary}}” is past its deadline: please act on it',
  },
  support_task_late: {
    'zh-CN': '{{site}}后续扶持计划任务“{{title}}”已超期（责任方：{{owner}}，期限 {{dueOn}}）',
    'en-US': 'The support plan task “{{title}}” of {{site}} is late (owner: {{owner}}, due {{dueOn}})',
  },
};

/** The message for a notification, its `{{params}}` filled in; a missing param stays empty. */
export function messageText(kind: string, params: Record<string, unknown>, locale: MessageLocale): string {
  const wording = MESSAGE_TEXTS[kind as NotificationKind]?.[locale] ?? kind;
  return wording.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
