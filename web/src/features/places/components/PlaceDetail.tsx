import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CHILD_LEVELS, type PlaceSummary } from '@anju/contracts';
import { Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { usePlace, usePlaceChildren } from '../api.ts';
import { RENAMEABLE } from '../levels.ts';
import { PlaceFormModal } from './PlaceFormModal.tsx';

/** One place: where it is, what it is, and the places below it. */
export function PlaceDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const place = usePlace(id);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const children = usePlaceChildren(id, paging.page, paging.pageSize);
  const [modal, setModal] = useState<'add' | 'rename' | null>(null);

  if (place.error) return <ErrorView error={place.error} />;
  if (!place.data) return <Skeleton active />;
  const p = place.data;
  const writable = me.permissions.includes('place:write');

  const actions = writable && (
    <Space wrap>
      {CHILD_LEVELS[p.level] && (
        <Button icon={<PlusOutlined />} onClick={() => setModal('add')} data-testid="place-add">
          {t('places.add')}
        </Button>
      )}
      {RENAMEABLE.includes(p.level) && (
        <Button icon={<EditOutlined />} onClick={() => setModal('rename')} data-testid="place-rename">
          {t('places.rename')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card title={<span data-testid="place-name">{p.name}</span>} extra={actions}>
      <Breadcrumb
        data-testid="place-path"
        style={{ marginBottom: 12 }}
        items={p.path.map((a) => ({
          key: a.id,
          title: a.id === p.id ? a.name : <Link to={`/places/${a.id}`}>{a.name}</Link>,
        }))}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('places.code')}>{p.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('places.level')}>{t(`levels.${p.level}`)}</Descriptions.Item>
      </Descriptions>
      <Table<PlaceSummary>
        data-testid="place-children"
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={children.isFetching}
        dataSource={children.data?.items}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: children.data?.total,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('places.name'),
            dataIndex: 'name',
            render: (name: string, c) => <Link to={`/places/${c.id}`}>{name}</Link>,
          },
          { title: t('places.level'), dataIndex: 'level', render: (l: string) => t(`levels.${l}`) },
          { title: t('places.code'), dataIndex: 'code' },
          { title: t('places.childCount'), dataIndex: 'childCount', align: 'right' },
        ]}
      />
      {modal && <PlaceFormModal place={p} mode={modal} onClose={() => setModal(null)} />}
    </Card>
  );
}
