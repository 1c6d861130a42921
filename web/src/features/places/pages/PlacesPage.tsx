import { Card, Col, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScope } from '../../../ui/scope.tsx';
import { Id } from '@anju/contracts';
import { NotFoundPage } from '../../../ui/StatusPages.tsx';
import { usePlaceRoots } from '../api.ts';
import { PlaceDetail } from '../components/PlaceDetail.tsx';
import { PlaceSearch } from '../components/PlaceSearch.tsx';
import { PlaceTree } from '../components/PlaceTree.tsx';

export function PlacesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { scope } = useScope();
  const roots = usePlaceRoots();
  if (id !== undefined && !Id.safeParse(id).success) return <NotFoundPage />;
  const start = scope?.id ?? (roots.data?.length === 1 ? roots.data[0].id : undefined);
  if (!id && start) return <Navigate to={`/places/${start}`} replace />;

  return (
    <>
      <PageHeader title={t('places.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} xl={7}>
          <Card size="small" title={t('places.tree')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <PlaceSearch />
              <PlaceTree selected={id} />
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17}>
          {id ? (
            <PlaceDetail key={id} id={id} />
          ) : (
            <Card>
              <Empty description={t('places.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
