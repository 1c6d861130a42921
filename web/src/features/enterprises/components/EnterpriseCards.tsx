import type { Enterprise } from '@anju/contracts';
import { Button, Card, Flex, List, Tag, Typography, type PaginationProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkshopTypes } from '../api.ts';
import { WorkshopStanding } from './WorkshopStanding.tsx';

/** The enterprises as cards on a phone: name, credit code, kind, workshop, place and contact. */
export function EnterpriseCards({
  items,
  loading,
  pagination,
  onEdit,
}: {
  items: Enterprise[];
  loading: boolean;
  pagination: PaginationProps;
  onEdit?: (e: Enterprise) => void;
}) {
  const { t } = useTranslation();
  const types = useWorkshopTypes();
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('enterprises.empty') }}
      pagination={{ ...pagination, size: 'small', simple: true }}
      data-testid="enterprise-list"
      renderItem={(e) => (
        <Card size="small" style={{ marginTop: 12 }} data-testid="enterprise-card">
          <Flex justify="space-between" gap={8} align="center">
            <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
              {e.name}
            </Typography.Text>
            {onEdit && (
              <Button size="small" onClick={() => onEdit(e)} data-testid="enterprise-edit">
                {t('enterprises.editAction')}
              </Button>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {e.creditCode} · {e.placeName}
          </Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            <Tag>{t(`enterprises.kinds.${e.kind}`)}</Tag>
            {e.workshop && <Tag color="blue">{types.label(e.workshop.type)}</Tag>}
            {e.workshop && <WorkshopStanding workshop={e.workshop} />}
          </Flex>
          {(e.contactName || e.contactPhone) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[e.contactName, e.contactPhone].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </Card>
      )}
    />
  );
}
