import type {
  DictionaryItem,
  ErrorDetail,
  DictionaryItemCreate,
  DictionaryItemUpdate,
  EditableDictionary,
} from '@anju/contracts';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { isCode, useErrorText, useFieldErrors, useReasonText } from '../../../ui/errors.ts';
import { useDictionaryItems, useSaveDictionaryItem } from '../api.ts';

type Labels = Omit<DictionaryItemUpdate, 'active'>;
const CODE = /^[a-z_]{1,32}$/;

/** A monitoring code list (categories, risk types) as data: holders of the policy add, relabel and retire entries. */
export function DictionaryCard({ kind, mayEdit }: { kind: EditableDictionary; mayEdit: boolean }) {
  const { t } = useTranslation();
  const items = useDictionaryItems(kind);
  const save = useSaveDictionaryItem(kind);
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const reasonText = useReasonText();
  // A taken code reads as this list's own sentence, under the field it names.
  const text = (error: unknown) => (d: ErrorDetail) =>
    isCode(error, 'duplicate') ? t('monitoring.dictionary.duplicate') : reasonText(d);
  const [addForm] = Form.useForm<DictionaryItemCreate>();
  const [editForm] = Form.useForm<Labels>();
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const id = (name: string) => `dict-${kind}-${name}`;

  const run = async (form: FormInstance | null, v: Parameters<typeof save.mutateAsync>[0]) => {
    setFailure(null);
    try {
      await save.mutateAsync(v);
      return true;
    } catch (error) {
      if (!form || !fieldErrors(form, error, text(error)).shown) setFailure(error);
      return false;
    }
  };
  const add = async (body: DictionaryItemCreate) => {
    if (await run(addForm, { code: body.code, create: true, body })) addForm.resetFields();
  };
  const edit = (item: DictionaryItem) => {
    setFailure(null);
    editForm.setFieldsValue({ labelZh: item.labelZh, labelEn: item.labelEn, sort: item.sort });
    setEditing(item.code);
  };
  const update = async (item: DictionaryItem) => {
    const labels = await editForm.validateFields().catch(() => null);
    if (labels && (await run(editForm, { code: item.code, body: { ...labels, active: item.active } })))
      setEditing(null);
  };
  const toggle = (item: DictionaryItem, active: boolean) =>
    run(null, {
      code: item.code,
      body: { labelZh: item.labelZh, labelEn: item.labelEn, sort: item.sort, active },
    });

  const labelRules = [
    { required: true, whitespace: true, message: t('monitoring.dictionary.labelRequired') },
    { max: 64 },
  ];
  const editable = (item: DictionaryItem, name: keyof Labels, fallback: ReactNode) =>
    editing === item.code ? (
      <Form.Item
        name={name}
        rules={name === 'sort' ? [{ required: true }] : labelRules}
        style={{ margin: 0 }}
      >
        {name === 'sort' ? (
          <InputNumber
            min={0}
            max={9999}
            precision={0}
            style={{ width: 80 }}
            data-testid={id(`edit-${name}`)}
          />
        ) : (
          <Input maxLength={64} style={{ minWidth: 110 }} data-testid={id(`edit-${name}`)} />
        )}
      </Form.Item>
    ) : (
      fallback
    );

  return (
    <Card title={t(`monitoring.dictionary.${kind}`)} style={{ marginBottom: 16 }} data-testid={id('card')}>
      {mayEdit && (
        <Form form={addForm} layout="inline" onFinish={add} style={{ marginBottom: 12 }}>
          <Space wrap align="start">
            <Form.Item
              name="code"
              rules={[
                { required: true, message: t('monitoring.dictionary.codeRequired') },
                { pattern: CODE, message: t('monitoring.dictionary.codePattern') },
              ]}
            >
              <Input
                placeholder={t('monitoring.dictionary.code')}
                style={{ width: 140 }}
                data-testid={id('code')}
              />
            </Form.Item>
            <Form.Item name="labelZh" rules={labelRules}>
              <Input
                placeholder={t('monitoring.dictionary.labelZh')}
                maxLength={64}
                style={{ width: 150 }}
                data-testid={id('labelZh')}
              />
            </Form.Item>
            <Form.Item name="labelEn" rules={labelRules}>
              <Input
                placeholder={t('monitoring.dictionary.labelEn')}
                maxLength={64}
                style={{ width: 170 }}
                data-testid={id('labelEn')}
              />
            </Form.Item>
            <Form.Item name="sort">
              <InputNumber
                min={0}
                max={9999}
                precision={0}
                placeholder={t('monitoring.dictionary.sort')}
                style={{ width: 90 }}
                data-testid={id('sort')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={id('add')}>
              {t('monitoring.dictionary.add')}
            </Button>
          </Space>
        </Form>
      )}
      {!!failure && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFailure(null)}
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
          data-testid={id('error')}
        />
      )}
      {items.error ? (
        <ErrorView error={items.error} />
      ) : (
        <Form form={editForm} component={false}>
          <Table<DictionaryItem>
            rowKey="code"
            size="small"
            loading={items.isLoading}
            dataSource={items.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid={id('table')}
            columns={[
              { title: t('monitoring.dictionary.code'), dataIndex: 'code' },
              {
                title: t('monitoring.dictionary.labelZh'),
                key: 'labelZh',
                render: (_, d) => editable(d, 'labelZh', d.labelZh),
              },
              {
                title: t('monitoring.dictionary.labelEn'),
                key: 'labelEn',
                render: (_, d) => editable(d, 'labelEn', d.labelEn),
              },
              {
                title: t('monitoring.dictionary.sort'),
                key: 'sort',
                render: (_, d) => editable(d, 'sort', d.sort),
              },
              {
                title: t('monitoring.dictionary.active'),
                key: 'active',
                render: (_, d) =>
                  mayEdit ? (
                    <Switch
                      size="small"
                      checked={d.active}
                      disabled={editing === d.code}
                      onChange={(on) => void toggle(d, on)}
                      data-testid={id(`active-${d.code}`)}
                    />
                  ) : (
                    <Tag color={d.active ? 'green' : 'default'}>
                      {t(d.active ? 'monitoring.dictionary.inUse' : 'monitoring.dictionary.retired')}
                    </Tag>
                  ),
              },
              ...(mayEdit
                ? [
                    {
                      key: 'actions',
                      render: (_: unknown, d: DictionaryItem) =>
                        editing === d.code ? (
                          <Space size={4}>
                            <Button
                              size="small"
                              type="primary"
                              loading={save.isPending}
                              onClick={() => void update(d)}
                              data-testid={id(`save-${d.code}`)}
                            >
                              {t('common.save')}
                            </Button>
                            <Button size="small" onClick={() => setEditing(null)}>
                              {t('common.cancel')}
                            </Button>
                          </Space>
                        ) : (
                          <Button
                            size="small"
                            type="link"
                            disabled={editing !== null}
                            onClick={() => edit(d)}
                            data-testid={id(`edit-${d.code}`)}
                          >
                            {t('monitoring.edit')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Form>
      )}
    </Card>
  );
}
