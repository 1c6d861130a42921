import { LABOUR_CAPACITIES, PERSON_SORTS, SEXES } from '@anju/contracts';
import { Button, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/api.ts';
import type { PersonFilter, PersonFind } from '../api.ts';
import { useCodes } from '../codes.ts';

interface Values {
  q?: string;
  idNumber?: string;
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
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
const PHONE_TAIL = /^\d{4}$/;
const WHOLE_PHONE = /^[\d\s+-]{7,20}$/;
const WHOLE_ID = /^(\d{15}|\d{17}[\dXx])$/;

/** The form's values as the list's filter (kept in the address) and a whole number to find (kept out). */
function toSearch(v: Values): { filter: PersonFilter; find?: PersonFind } {
  const phone = text(v.phone);
  const tail = phone && PHONE_TAIL.test(phone) ? phone : undefined;
  const filter = defined<PersonFilter>({
    q: text(v.q),
    phoneTail: tail,
    tags: v.tags?.length ? v.tags.join(',') : undefined,
    labour: v.labour,
    sex: v.sex,
    ageMin: num(v.ageMin),
    ageMax: num(v.ageMax),
    side: v.side,
    sort: v.sort,
    order: v.order,
  });
  const find = defined<PersonFind>({
    idNumber: text(v.idNumber)?.toUpperCase(),
    phone: phone && !tail ? phone : undefined,
  });
  return { filter, find: find.idNumber || find.phone ? find : undefined };
}

function toValues(f: PersonFilter, find: PersonFind | undefined): Values {
  const { phoneTail, ...rest } = f;
  return {
    ...rest,
    idNumber: find?.idNumber,
    phone: find?.phone ?? phoneTail,
    tags: f.tags ? f.tags.split(',') : undefined,
    ageMin: f.ageMin ? Number(f.ageMin) : undefined,
    ageMax: f.ageMax ? Number(f.ageMax) : undefined,
  };
}

/**
 * The people list's search and filters; the form follows `value`, so a saved filter fills it in. A
 * whole ID or phone number, for those permitted to find by one, goes to `find` and never to the filter.
 */
export function PersonFilters({
  value,
  find,
  onChange,
}: {
  value: PersonFilter;
  find?: PersonFind;
  onChange(f: PersonFilter, find?: PersonFind): void;
}) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { permissions } = useSignedIn();
  const [byId, byPhone] = [permissions.includes('person:find_id'), permissions.includes('person:find_phone')];
  const [form] = Form.useForm<Values>();
  const key = JSON.stringify([value, find]);
  useEffect(() => {
    const [f, n] = JSON.parse(key) as [PersonFilter, PersonFind | undefined];
    form.resetFields();
    form.setFieldsValue(toValues(f, n ?? undefined));
  }, [form, key]);
  const phone = !Grid.useBreakpoint().md;
  const [more, setMore] = useState(false);
  // On phones only the search box shows until the user asks for more filters.
  const hidden = phone && !more;
  const w = (px: number) => ({ width: phone ? '100%' : px, display: hidden ? 'none' : undefined });
  const phoneRule = byPhone
    ? (v: string) => PHONE_TAIL.test(v) || WHOLE_PHONE.test(v)
    : (v: string) => PHONE_TAIL.test(v);
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => {
        const s = toSearch(v);
        onChange(s.filter, s.find);
      }}
      style={{ rowGap: 8, marginBottom: 16 }}
      data-testid="person-filters"
    >
      <Form.Item name="q" style={{ width: phone ? '100%' : 220 }}>
        <Input allowClear placeholder={t('registry.filter.q')} data-testid="person-q" />
      </Form.Item>
      {byId && (
        <Form.Item
          name="idNumber"
          style={w(200)}
          rules={[{ pattern: WHOLE_ID, message: t('registry.filter.idNumberRule') }]}
        >
          <Input
            allowClear
            maxLength={18}
            placeholder={t('registry.filter.idNumber')}
            autoComplete="off"
            data-testid="person-idnumber"
          />
        </Form.Item>
      )}
      <Form.Item
        name="phone"
        style={w(170)}
        rules={[
          {
            validator: (_r, v: string | undefined) =>
              !v?.trim() || phoneRule(v.trim())
                ? Promise.resolve()
                : Promise.reject(
                    new Error(t(byPhone ? 'registry.filter.phoneRule' : 'registry.filter.phoneTailRule')),
                  ),
          },
        ]}
      >
        <Input
          allowClear
          maxLength={byPhone ? 20 : 4}
          placeholder={t(byPhone ? 'registry.filter.phone' : 'registry.filter.phoneTail')}
          autoComplete="off"
          data-testid="person-phone"
        />
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
