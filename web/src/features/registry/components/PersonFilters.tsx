import { LABOUR_CAPACITIES, PERSON_SORTS, SEXES } from '@anju/contracts';
import { Button, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonFilter } from '../api.ts';
import { useCodes } from '../codes.ts';

interface Values {
  q?: string;
  idTail?: string;
  phone?: string;
  tags?: string[];
  labour?: string;
  sex?: string;
  ageMin?: number | null;
  ageMax?: number | null;
  side?: string;
  sort?: string;
  order?: string;
}

const text = (v: string | undefined) => v?.trim() || undefined;
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : String(v));

function toFilter(v: Values): PersonFilter {
  const f: PersonFilter = {
    q: text(v.q),
    idTail: text(v.idTail)?.toUpperCase(),
    phone: text(v.phone),
    tags: v.tags?.length ? v.tags.join(',') : undefined,
    labour: v.labour,
    sex: v.sex,
    ageMin: num(v.ageMin),
    ageMax: num(v.ageMax),
    side: v.side,
    sort: v.sort,
    order: v.order,
  };
  return Object.fromEntries(Object.entries(f).filter(([, x]) => x !== undefined)) as PersonFilter;
}

function toValues(f: PersonFilter): Values {
  return {
    ...f,
    tags: f.tags ? f.tags.split(',') : undefined,
    ageMin: f.ageMin ? Number(f.ageMin) : undefined,
    ageMax: f.ageMax ? Number(f.ageMax) : undefined,
  };
}

/** The people list's search and filters; the form follows `value`, so a saved filter fills it in. */
export function PersonFilters({ value, onChange }: { value: PersonFilter; onChange(f: PersonFilter): void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify(value);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(JSON.parse(key) as PersonFilter));
  }, [form, key]);
  const phone = !Grid.useBreakpoint().md;
  const [more, setMore] = useState(false);
  // On phones only the search box shows until the user asks for more filters.
  const hidden = phone && !more;
  const w = (px: number) => ({ width: phone ? '100%' : px, display: hidden ? 'none' : undefined });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => onChange(toFilter(v))}
      style={{ rowGap: 8, marginBottom: 16 }}
      data-testid="person-filters"
    >
      <Form.Item name="q" style={{ width: phone ? '100%' : 220 }}>
        <Input allowClear placeholder={t('registry.filter.q')} data-testid="person-q" />
      </Form.Item>
      <Form.Item
        name="idTail"
        style={w(130)}
        rules={[{ pattern: /^[0-9Xx]{4}$/, message: t('registry.filter.idTailRule') }]}
      >
        <Input
          allowClear
          maxLength={4}
          placeholder={t('registry.filter.idTail')}
          data-testid="person-idtail"
        />
      </Form.Item>
      <Form.Item name="phone" style={w(150)}>
        <Input allowClear placeholder={t('registry.filter.phone')} data-testid="person-phone" />
      </Form.Item>
      <Form.Item name="tags" style={w(220)}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('registry.person.tags')}
          options={codes.tagOptions}
          data-testid="person-tags"
        />
      </Form.Item>
      <Form.Item name="labour" style={w(130)}>
        <Select
          allowClear
          placeholder={t('registry.person.labourCapacity')}
          options={codes.options('labour', LABOUR_CAPACITIES)}
        />
      </Form.Item>
      <Form.Item name="sex" style={w(100)}>
        <Select allowClear placeholder={t('registry.person.sex')} options={codes.options('sex', SEXES)} />
      </Form.Item>
      <Form.Item label={t('registry.filter.age')} style={{ display: hidden ? 'none' : undefined }}>
        <Space.Compact>
          <Form.Item name="ageMin" noStyle>
            <InputNumber min={0} max={130} placeholder={t('registry.filter.from')} style={{ width: 72 }} />
          </Form.Item>
          <Form.Item name="ageMax" noStyle>
            <InputNumber min={0} max={130} placeholder={t('registry.filter.to')} style={{ width: 72 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="side" style={w(140)}>
        <Select
          allowClear
          placeholder={t('registry.filter.side')}
          options={codes.options('side', ['residence', 'hukou'])}
          data-testid="person-side"
        />
      </Form.Item>
      <Form.Item name="sort" style={w(140)}>
        <Select
          allowClear
          placeholder={t('registry.filter.sort')}
          options={PERSON_SORTS.map((s) => ({ value: s, label: t(`registry.filter.sorts.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="order" style={w(110)}>
        <Select
          allowClear
          placeholder={t('registry.filter.order')}
          options={['asc', 'desc'].map((o) => ({ value: o, label: t(`registry.filter.orders.${o}`) }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="person-search">
          {t('common.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
        {phone && (
          <Button type="link" onClick={() => setMore(!more)} data-testid="person-more">
            {t(more ? 'registry.filter.fewer' : 'registry.filter.more')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
