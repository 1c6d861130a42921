import { EDUCATION_LEVELS, HEALTH_STATUSES, LABOUR_CAPACITIES, RELATIONS } from '@anju/contracts';
import { Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from '../../../ui/rules.ts';
import { checkIdNumber, useCodes } from '../codes.ts';
import { PlaceSelect } from '../../places/index.ts';

/** Form values of a new member; sent as PersonInput. */
export interface MemberValues {
  name: string;
  idNumber: string;
  relation: string;
  ethnicity: string;
  phone?: string;
  education?: string;
  health: string;
  labourCapacity: string;
  tags: string[];
  partyMember: boolean;
  hukouPlaceId: string;
}

export const NEW_MEMBER: Partial<MemberValues> = {
  ethnicity: '01',
  health: 'healthy',
  labourCapacity: 'full',
  tags: [],
  partyMember: false,
};

/** Checks an ID number as it is typed (GB 11643), with the reason in words. */
export function useIdRule(): FormRule {
  const { t } = useTranslation();
  return {
    validator: (_, value: string | undefined) => {
      const r = checkIdNumber(value);
      if (!r)
        return Promise.reject(new Error(t('common.required', { field: t('registry.person.idNumber') })));
      return r.ok ? Promise.resolve() : Promise.reject(new Error(t(`registry.idProblems.${r.problem}`)));
    },
  };
}

/** The birth date and sex an ID number encodes, shown under the field while typing. */
function IdDerived({ path }: { path: (string | number)[] }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const value = Form.useWatch([...path, 'idNumber']) as string | undefined;
  const r = checkIdNumber(value);
  if (!r?.ok) return null;
  return (
    <Typography.Text type="secondary" data-testid="id-derived">
      {t('registry.person.derived', { birthDate: r.birthDate, sex: codes.label('sex', r.sex) })}
    </Typography.Text>
  );
}

interface Props {
  /** Where this member's values sit in the form, e.g. ['members', 0] or ['person']. */
  path: (string | number)[];
  /** The relations allowed (a household already having a head cannot take another). */
  relations?: readonly string[];
  /** The same path from the form's root, when `path` is relative to a Form.List. */
  absolute?: (string | number)[];
  withHealth: boolean;
  testId?: string;
}

/** The fields of one new member: name, ID number (checked, with derived birth date and sex), and the rest. */
export function MemberFields(props: Props) {
  const { path, relations = RELATIONS, withHealth, testId = 'member', absolute = path } = props;
  const { t } = useTranslation();
  const codes = useCodes();
  const rules = useRules();
  const idRule = useIdRule();
  const n = (field: string) => [...path, field];
  const col = { xs: 24, sm: 12, lg: 8 };
  return (
    <Row gutter={12}>
      <Col {...col}>
        <Form.Item
          name={n('name')}
          label={t('registry.person.name')}
          rules={[rules.required(t('registry.person.name'))]}
        >
          <Input maxLength={32} data-testid={`${testId}-name`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={n('idNumber')}
          label={t('registry.person.idNumber')}
          required
          rules={[idRule]}
          extra={<IdDerived path={absolute} />}
        >
          <Input maxLength={18} data-testid={`${testId}-id`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={n('relation')}
          label={t('registry.person.relation')}
          rules={[
            { required: true, message: t('common.required', { field: t('registry.person.relation') }) },
          ]}
        >
          <Select options={codes.options('relation', relations)} data-testid={`${testId}-relation`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={n('ethnicity')} label={t('registry.person.ethnicity')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={codes.ethnicOptions} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={n('phone')} label={t('registry.person.phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={n('education')} label={t('registry.person.education')}>
          <Select allowClear options={codes.options('education', EDUCATION_LEVELS)} />
        </Form.Item>
      </Col>
      {withHealth && (
        <Col {...col}>
          <Form.Item name={n('health')} label={t('registry.person.health')}>
            <Select options={codes.options('health', HEALTH_STATUSES)} />
          </Form.Item>
        </Col>
      )}
      <Col {...col}>
        <Form.Item name={n('labourCapacity')} label={t('registry.person.labourCapacity')}>
          <Select options={codes.options('labour', LABOUR_CAPACITIES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={n('tags')} label={t('registry.person.tags')}>
          <Select mode="multiple" allowClear options={codes.tagOptions} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={n('hukouPlaceId')}
          label={t('registry.person.hukou')}
          rules={[{ required: true, message: t('common.required', { field: t('registry.person.hukou') }) }]}
        >
          <PlaceSelect levels={['village', 'community']} testId={`${testId}-hukou`} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={n('partyMember')} label={t('registry.person.partyMember')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Turns form values into the API's PersonInput (empty optional fields left out). */
export function toPersonInput(v: MemberValues) {
  return {
    name: v.name.trim(),
    idNumber: v.idNumber.trim().toUpperCase(),
    relation: v.relation as (typeof RELATIONS)[number],
    ethnicity: v.ethnicity || '01',
    phone: v.phone?.trim() || undefined,
    education: (v.education || undefined) as (typeof EDUCATION_LEVELS)[number] | undefined,
    health: (v.health || 'healthy') as (typeof HEALTH_STATUSES)[number],
    labourCapacity: v.labourCapacity as (typeof LABOUR_CAPACITIES)[number],
    tags: v.tags ?? [],
    partyMember: !!v.partyMember,
    hukouPlaceId: v.hukouPlaceId,
  };
}
