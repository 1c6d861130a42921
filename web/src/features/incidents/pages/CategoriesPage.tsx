import { LIMIT_UNITS, type LimitUnit } from '@anju/contracts';
import { Alert, App, Button, Card, Form, InputNumber, Modal, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { isCode, useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useSignedIn } from '../../auth/api.ts';
import { useCategories, useSaveCategoryLimits, type Category } from '../api.ts';

type Limits = Pick<
  Category,
  | 'limitUnit'
  | 'acceptHours'
  | 'deadlineHours'
  | 'acceptDays'
  | 'deadlineDays'
  | 'extensionCapHours'
  | 'extensionCapDays'
>;

/** The limits of a category in its unit, as a line of the table reads. */
function limitsText(c: Category, t: (k: string, o?: Record<string, unknown>) => string) {
  const days = c.limitUnit === 'working_days';
  const unit = (n: number) => t(days ? 'incidents.categories.nDays' : 'incidents.categories.nHours', { n });
  return {
    accept: unit(days ? c.acceptDays : c.acceptHours),
    deadline: unit(days ? c.deadlineDays : c.deadlineHours),
    cap: unit(days ? c.extensionCapDays : c.extensionCapHours),
  };
}

/** The incident categories' limits: acceptance, handling and the extension cap, in hours or working days. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const categories = useCategories();
  const save = useSaveCategoryLimits();
  const [editing, setEditing] = useState<Category>();
  const [form] = Form.useForm<Partial<Limits>>();
  const unit = Form.useWatch('limitUnit', form);
  const english = i18n.language.startsWith('en');
  // the limits apply in every county: set from a scope over a whole province
  const setter = useSignedIn().scopes.some((s) => s.level === 'province');

  const open = (c: Category) => {
    form.setFieldsValue(c);
    setEditing(c);
  };
  const submit = (v: Partial<Limits>) =>
    editing &&
    save.mutate(
      {
        code: editing.code,
        version: editing.version,
        acceptHours: editing.acceptHours,
        deadlineHours: editing.deadlineHours,
        acceptDays: editing.acceptDays,
        deadlineDays: editing.deadlineDays,
        extensionCapHours: editing.extensionCapHours,
        extensionCapDays: editing.extensionCapDays,
        ...v,
        limitUnit: v.limitUnit ?? editing.limitUnit,
      },
      {
        onSuccess: () => {
          message.success(t('incidents.categories.saved'));
          setEditing(undefined);
        },
        onError: (e) => {
          if (isCode(e, 'conflict')) {
            message.warning(t('incidents.act.conflict'));
            setEditing(undefined);
          } else if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  const number = (name: keyof Limits, max: number, min = 1) => (
    <Form.Item name={name} label={t(`incidents.categories.${name}`)} rules={[{ required: true }]}>
      <InputNumber
        min={min}
        max={max}
        precision={0}
        style={{ width: '100%' }}
        data-testid={`category-${name}`}
      />
    </Form.Item>
  );

  return (
    <Card title={t('incidents.categories.title')}>
      {categories.error && <ErrorAlert error={categories.error} />}
      {!setter && (
        <Alert
          type="info"
          message={t('incidents.categories.provinceOnly')}
          style={{ marginBottom: 12 }}
          data-testid="categories-province-only"
        />
      )}
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        loading={categories.isLoading}
        dataSource={categories.data}
        data-testid="categories-table"
        columns={[
          { title: t('incidents.fields.category'), render: (_, c) => (english ? c.nameEn : c.nameZh) },
          {
            title: t('incidents.categories.limitUnit'),
            render: (_, c) => t(`incidents.categories.unit.${c.limitUnit}`),
          },
          { title: t('incidents.categories.accept'), render: (_, c) => limitsText(c, t).accept },
          { title: t('incidents.categories.deadline'), render: (_, c) => limitsText(c, t).deadline },
          { title: t('incidents.categories.cap'), render: (_, c) => limitsText(c, t).cap },
          ...(setter
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, c: Category) => (
                    <Button size="small" onClick={() => open(c)} data-testid={`category-edit-${c.code}`}>
                      {t('incidents.categories.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('incidents.categories.rule')}
      </Typography.Paragraph>
      <Modal
        open={editing !== undefined}
        title={editing && (english ? editing.nameEn : editing.nameZh)}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="limitUnit" label={t('incidents.categories.limitUnit')}>
            <Radio.Group data-testid="category-unit">
              {LIMIT_UNITS.map((u: LimitUnit) => (
                <Radio key={u} value={u}>
                  {t(`incidents.categories.unit.${u}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {unit === 'working_days' ? (
            <>
              {number('acceptDays', 30)}
              {number('deadlineDays', 90)}
              {number('extensionCapDays', 90, 0)}
            </>
          ) : (
            <>
              {number('acceptHours', 720)}
              {number('deadlineHours', 2160)}
              {number('extensionCapHours', 2160, 0)}
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
