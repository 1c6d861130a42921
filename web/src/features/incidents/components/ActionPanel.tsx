import { SATISFACTIONS, type IncidentAction, type IncidentDetail } from '@anju/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCode, useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useAct, useAssignees, useCategories } from '../api.ts';
import { extensionAsked } from '../extension.ts';
import { blobsOf, PhotoPicker, photoRule } from '../../../ui/PhotoPicker.tsx';

interface Fields {
  note?: 'required' | 'optional';
  satisfaction?: boolean;
  hours?: boolean;
  target?: boolean;
  photos?: boolean;
  category?: boolean;
}

/** What each action asks for; the server checks the same. */
const FIELDS: Record<IncidentAction, Fields> = {
  accept: { note: 'optional' },
  dispatch: { target: true, note: 'optional' },
  // one step: taken at once, without a form
  handle: {},
  start: { note: 'optional', photos: true },
  progress: { note: 'required', photos: true },
  reply: { note: 'required', photos: true },
  verify: { note: 'optional' },
  reject: { note: 'required' },
  callback: { satisfaction: true, note: 'optional' },
  return: { note: 'required' },
  recall: { note: 'optional' },
  extend: { hours: true, note: 'required' },
  supervise: { note: 'optional' },
  escalate: { note: 'required' },
  rate: { satisfaction: true, note: 'optional' },
  ask_extension: { hours: true, note: 'required' },
  deny_extension: { note: 'required' },
  classify: { category: true, note: 'optional' },
};
const DANGER: IncidentAction[] = ['return', 'recall', 'reject', 'escalate', 'deny_extension'];

interface Values {
  note?: string;
  satisfaction?: string;
  hours?: number;
  days?: number;
  target?: 'user' | 'department';
  assigneeUserId?: string;
  departmentId?: string;
  photos?: UploadFile[];
  categoryCode?: string;
}

/** The buttons of the actions the workflow allows the caller now, each opening a small form. */
export function ActionPanel({ incident }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<IncidentAction>();
  const act = useAct(incident);
  const assignees = useAssignees(incident.id, action === 'dispatch');
  // extensions are asked in the unit of the category's limits
  const categories = useCategories();
  const inDays = categories.data?.find((c) => c.code === incident.categoryCode)?.limitUnit === 'working_days';
  const target = Form.useWatch('target', form);
  const fields = action ? FIELDS[action] : {};
  const english = i18n.language.startsWith('en');
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(`incidents.act.${field}`) }),
  });

  const asked = extensionAsked(incident.steps);
  const open = (a: IncidentAction) => {
    if (Object.keys(FIELDS[a]).length === 0) return run(a, {});
    form.resetFields();
    // granting what was asked for starts from what was asked
    if (a === 'extend' && asked) form.setFieldsValue({ hours: asked.hours, days: asked.days });
    setAction(a);
  };
  const submit = (v: Values) => action && run(action, v);
  const run = (action: IncidentAction, v: Values) =>
    act.mutate(
      {
        action,
        note: v.note || undefined,
        satisfaction: v.satisfaction,
        hours: v.hours,
        days: v.days,
        assigneeUserId: v.target === 'user' ? v.assigneeUserId : undefined,
        departmentId: v.target === 'department' ? v.departmentId : undefined,
        categoryCode: v.categoryCode,
        photos: blobsOf(v.photos),
      },
      {
        onSuccess: () => {
          message.success(t('incidents.act.done', { action: t(`incidents.action.${action}`) }));
          setAction(undefined);
        },
        onError: (e) => {
          if (isCode(e, 'conflict')) {
            message.warning(t('incidents.act.conflict'));
            setAction(undefined);
          } else if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );

  if (incident.actions.length === 0) return null;
  // handling it oneself is the short way for whoever may take it in hand
  const primary = incident.actions.includes('handle') ? 'handle' : incident.actions[0];
  return (
    <>
      <Space wrap data-testid="incident-actions">
        {incident.actions.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            loading={act.isPending && act.variables?.action === a}
            danger={DANGER.includes(a)}
            onClick={() => open(a)}
            data-testid={`act-${a}`}
          >
            {t(`incidents.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!action}
        title={action && t(`incidents.action.${action}`)}
        okText={t('incidents.act.submit')}
        confirmLoading={act.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAction(undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ target: 'user' }}>
          {fields.target && (
            <>
              <Form.Item name="target">
                <Radio.Group
                  options={[
                    { value: 'user', label: t('incidents.act.toUser') },
                    { value: 'department', label: t('incidents.act.toDepartment') },
                  ]}
                />
              </Form.Item>
              {target === 'department' ? (
                <Form.Item
                  name="departmentId"
                  label={t('incidents.act.departmentId')}
                  rules={[required('departmentId')]}
                >
                  <Select
                    data-testid="act-department"
                    loading={assignees.isLoading}
                    options={assignees.data?.departments.map((d) => ({
                      value: d.id,
                      label: english ? d.nameEn : d.nameZh,
                    }))}
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  name="assigneeUserId"
                  label={t('incidents.act.assigneeUserId')}
                  rules={[required('assigneeUserId')]}
                >
                  <Select
                    data-testid="act-assignee"
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={assignees.isLoading}
                    options={assignees.data?.users.map((u) => ({
                      value: u.id,
                      label: `${u.name}（${u.roles.map((r) => t(`roles.${r}`)).join('、')}）`,
                    }))}
                  />
                </Form.Item>
              )}
            </>
          )}
          {fields.category && (
            <Form.Item
              name="categoryCode"
              label={t('incidents.act.categoryCode')}
              extra={t('incidents.act.categoryHint')}
              rules={[required('categoryCode')]}
            >
              <Select
                data-testid="act-category"
                showSearch={{ optionFilterProp: 'label' }}
                loading={categories.isLoading}
                options={categories.data
                  ?.filter((c) => c.code !== incident.categoryCode)
                  .map((c) => ({ value: c.code, label: english ? c.nameEn : c.nameZh }))}
              />
            </Form.Item>
          )}
          {fields.satisfaction && (
            <Form.Item
              name="satisfaction"
              label={t('incidents.act.satisfaction')}
              rules={[required('satisfaction')]}
            >
              <Radio.Group
                data-testid="act-satisfaction"
                optionType="button"
                options={SATISFACTIONS.map((s) => ({ value: s, label: t(`incidents.satisfaction.${s}`) }))}
              />
            </Form.Item>
          )}
          {fields.hours && inDays && (
            <Form.Item name="days" label={t('incidents.act.days')} rules={[required('days')]}>
              <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} data-testid="act-days" />
            </Form.Item>
          )}
          {fields.hours && !inDays && (
            <Form.Item name="hours" label={t('incidents.act.hours')} rules={[required('hours')]}>
              <InputNumber
                min={1}
                max={720}
                precision={0}
                style={{ width: '100%' }}
                data-testid="act-hours"
              />
            </Form.Item>
          )}
          {fields.note && (
            <Form.Item
              name="note"
              label={t(action === 'rate' ? 'incidents.act.comment' : 'incidents.act.note')}
              rules={fields.note === 'required' ? [required('note')] : []}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="act-note" />
            </Form.Item>
          )}
          {fields.photos && (
            <Form.Item
              name="photos"
              label={t('incidents.photos.label')}
              valuePropName="value"
              rules={[photoRule((p) => t(`incidents.photos.${p}`))]}
            >
              <PhotoPicker look="cards" addLabel={t('incidents.photos.add')} testId="act-photos" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
