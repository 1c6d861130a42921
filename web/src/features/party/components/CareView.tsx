import { App, Button, Card, Col, List, Row, Select, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useSetLinks, type CareMap, type HouseholdRef } from '../api.ts';
import { CareChart } from './CareChart.tsx';

/** Who looks after whom, with counts, and the households nobody looks after, each linkable to a carer. */
export function CareView({
  care,
  communityName,
  canWrite,
}: {
  care: CareMap;
  communityName: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const linked = care.carers.reduce((n, c) => n + c.linked.length, 0);
  const under = care.carers.filter((c) => c.underMin).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('party.care.carers')} value={care.carers.length} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('party.care.linked')} value={linked} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('party.care.underMin', care.norm)} value={under} />
        </Col>
        <Col xs={12} md={6}>
          <span data-testid="unlooked-total">
            <Statistic title={t('party.care.unlooked')} value={care.unlookedTotal} />
          </span>
        </Col>
      </Row>
      <Card title={t('party.care.title')} size="small">
        <CareChart care={care} communityName={communityName} />
      </Card>
      <Card
        title={t('party.care.unlookedList', { count: care.unlookedTotal, shown: care.unlooked.length })}
        size="small"
      >
        <List
          data-testid="unlooked-list"
          size="small"
          dataSource={care.unlooked}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
          renderItem={(h) => <Unlooked key={h.id} household={h} care={care} canWrite={canWrite} />}
        />
      </Card>
    </Space>
  );
}

function Unlooked({
  household,
  care,
  canWrite,
}: {
  household: HouseholdRef;
  care: CareMap;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [carerId, setCarerId] = useState<string>();
  const link = useSetLinks();
  const carer = care.carers.find((c) => c.orgId === carerId);
  return (
    <List.Item data-testid={`unlooked-${household.id}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>
          {household.headName} · {household.dwelling} · {household.householdNo}
        </span>
        <ErrorAlert error={link.error} />
        {canWrite && (
          <Space wrap>
            <Select
              size="small"
              data-testid="link-carer"
              style={{ minWidth: 200 }}
              placeholder={t('party.care.pickCarer')}
              value={carerId}
              onChange={setCarerId}
              showSearch={{ optionFilterProp: 'label' }}
              options={care.carers.map((c) => ({
                value: c.orgId,
                label: `${c.household?.headName ?? c.name} (${c.linked.length}/${care.norm.max})`,
                disabled: c.linked.length >= care.norm.max,
              }))}
            />
            <Button
              size="small"
              type="primary"
              disabled={!carer}
              loading={link.isPending}
              data-testid="link-save"
              onClick={() =>
                link.mutate(
                  { id: carer!.orgId, householdIds: [...carer!.linked.map((h) => h.id), household.id] },
                  {
                    onSuccess: () =>
                      message.success(t('party.care.linkedDone', { name: household.headName })),
                  },
                )
              }
            >
              {t('party.care.link')}
            </Button>
          </Space>
        )}
      </Space>
    </List.Item>
  );
}
