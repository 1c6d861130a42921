import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { POVERTY_STATUSES, RESETTLEMENT_TYPES, type HouseholdCreate } from '@anju/contracts';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useCreateHousehold } from '../api.ts';
import { useCodes } from '../codes.ts';
import { DwellingPicker } from '../components/DwellingPicker.tsx';
import { MemberFields, NEW_MEMBER, toPersonInput, type MemberValues } from '../components/MemberFields.tsx';
import { PlaceSelect } from '../../places/index.ts';

interface Values {
  dwellingId: string;
  originVillageId?: string;
  relocationYear?: number | null;
  resettlementType: HouseholdCreate['resettlementType'];
  povertyStatus: HouseholdCreate['povertyStatus'];
  members: MemberValues[];
}

/** Registers a household in a dwelling, with its members; exactly one of them is the head. */
export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const codes = useCodes();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = (v: Values) => {
    const body: HouseholdCreate = {
      dwellingId: v.dwellingId,
      originVillageId: v.originVillageId || undefined,
      relocationYear: v.relocationYear ?? undefined,
      resettlementType: v.resettlementType,
      povertyStatus: v.povertyStatus,
      members: v.members.map(toPersonInput),
    };
    setUnplaced([]);
    create.mutate(body, {
      onSuccess: (h) => navigate(`/registry/households/${h.id}`),
      onError: (e) => setUnplaced(fieldErrors(form, e).lines),
    });
  };

  return (
    <>
      <PageHeader title={t('registry.households.create')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          members: [{ ...NEW_MEMBER, relation: 'head' }],
          resettlementType: 'urban_centralized',
        }}
        scrollToFirstError
      >
        <Card title={t('registry.household.facts')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item
                name="dwellingId"
                label={t('registry.household.dwelling')}
                rules={[required(t('registry.household.dwelling'))]}
              >
                <DwellingPicker />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="originVillageId"
                label={t('registry.household.originVillage')}
                extra={t('registry.household.originHint')}
              >
                <PlaceSelect levels={['village']} testId="origin-village" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="relocationYear" label={t('registry.household.relocationYear')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="resettlementType"
                label={t('registry.household.resettlementType')}
                rules={[required(t('registry.household.resettlementType'))]}
              >
                <Select options={codes.options('resettlement', RESETTLEMENT_TYPES)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="povertyStatus"
                label={t('registry.household.povertyStatus')}
                rules={[required(t('registry.household.povertyStatus'))]}
              >
                <Select
                  options={codes.options('poverty', POVERTY_STATUSES)}
                  data-testid="household-poverty"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Form.List
          name="members"
          rules={[
            {
              validator: (_, members: MemberValues[] | undefined) =>
                members?.filter((m) => m?.relation === 'head').length === 1
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('registry.household.oneHead'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('registry.household.memberN', { n: i + 1 })}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        {t('registry.household.removeMember')}
                      </Button>
                    )
                  }
                >
                  <MemberFields
                    path={[field.name]}
                    absolute={['members', field.name]}
                    withHealth={me.permissions.includes('person:health')}
                    testId={`member-${i}`}
                  />
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ ...NEW_MEMBER })}
                style={{ marginBottom: 16 }}
                data-testid="member-add"
              >
                {t('registry.household.addMember')}
              </Button>
            </>
          )}
        </Form.List>
        {create.error && (
          <Alert
            type="error"
            showIcon
            title={errorText(create.error)}
            description={unplaced.length > 0 && unplaced.join('；')}
            style={{ marginBottom: 16 }}
            data-testid="household-create-error"
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="household-submit">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
