import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MAX_OPEN311_ATTRIBUTES, OPEN311_DATATYPES } from '@anju/contracts';
import { App, Button, Input, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../ui/api.ts';
import { SaveError } from '../../../ui/ErrorAlert.tsx';
import { useReasonText } from '../../../ui/errors.ts';
import { useSetAttributes, type Open311Attribute, type Open311Service } from '../api.ts';
import { ValuesEditor } from './ValuesEditor.tsx';

const LISTS: string[] = ['singlevaluelist', 'multivaluelist'];
const blank = (): Open311Attribute => ({
  code: '',
  datatype: 'string',
  description: '',
  required: false,
  datatype_description: null,
  values: [],
});

/** A service's attributes as rows to add, remove, reorder and fill in, saved all at once. */
export function AttributesEditor({ service, onReload }: { service: Open311Service; onReload(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reasonText = useReasonText();
  const [rows, setRows] = useState(service.attributes);
  const save = useSetAttributes(service.code);
  const set = (i: number, patch: Partial<Open311Attribute>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((all) => {
      const next = [...all];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const details = save.error instanceof ApiError ? save.error.details : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="attributes-editor">
      <SaveError
        error={save.error}
        onReload={onReload}
        left={details.map((d) => `${d.field}: ${reasonText(d)}`)}
      />
      <Table<Open311Attribute & { at: number }>
        rowKey="at"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows.map((r, at) => ({ ...r, at }))}
        locale={{ emptyText: t('open311.noAttributes') }}
        columns={[
          { title: t('open311.order'), render: (_, r) => r.at + 1 },
          {
            title: t('open311.code'),
            render: (_, r) => (
              <Input
                style={{ width: 112 }}
                aria-label={t('open311.code')}
                value={r.code}
                maxLength={32}
                onChange={(e) => set(r.at, { code: e.target.value })}
              />
            ),
          },
          {
            title: t('open311.description'),
            render: (_, r) => (
              <Input
                style={{ width: 160 }}
                aria-label={t('open311.description')}
                value={r.description}
                maxLength={200}
                onChange={(e) => set(r.at, { description: e.target.value })}
              />
            ),
          },
          {
            title: t('open311.datatype'),
            render: (_, r) => (
              <Select
                style={{ width: 140 }}
                aria-label={t('open311.datatype')}
                value={r.datatype}
                onChange={(datatype) =>
                  set(r.at, { datatype, values: LISTS.includes(datatype) ? r.values : [] })
                }
                options={OPEN311_DATATYPES.map((d) => ({ value: d, label: t(`open311.datatypes.${d}`) }))}
              />
            ),
          },
          {
            title: t('open311.required'),
            render: (_, r) => (
              <Switch
                aria-label={t('open311.required')}
                checked={r.required}
                onChange={(required) => set(r.at, { required })}
              />
            ),
          },
          {
            title: t('open311.values'),
            render: (_, r) =>
              LISTS.includes(r.datatype) ? (
                <ValuesEditor values={r.values} onChange={(values) => set(r.at, { values })} />
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('open311.up')}
                  disabled={r.at === 0}
                  onClick={() => move(r.at, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('open311.down')}
                  disabled={r.at === rows.length - 1}
                  onClick={() => move(r.at, 1)}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('open311.remove')}
                  onClick={() => setRows((all) => all.filter((_, j) => j !== r.at))}
                />
              </Space>
            ),
          },
        ]}
      />
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          disabled={rows.length >= MAX_OPEN311_ATTRIBUTES}
          onClick={() => setRows((all) => [...all, blank()])}
          data-testid="add-attribute"
        >
          {t('open311.add')}
        </Button>
        <Button
          type="primary"
          loading={save.isPending}
          data-testid="save-attributes"
          onClick={() =>
            save.mutate(
              { attributes: rows, version: service.version },
              { onSuccess: () => message.success(t('open311.saved')) },
            )
          }
        >
          {t('common.save')}
        </Button>
      </Space>
    </Space>
  );
}
