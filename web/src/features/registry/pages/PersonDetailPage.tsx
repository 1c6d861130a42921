import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { usePerson, usePersonHistory } from '../api.ts';
import { DutiesCard } from '../components/DutiesCard.tsx';
import { HistoryTimeline } from '../components/HistoryTimeline.tsx';
import { PersonEditModal } from '../components/PersonEditModal.tsx';
import { PersonFacts } from '../components/PersonFacts.tsx';

/** One person: facts, reveal, edit, duties per side, and the history of changes. */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const person = usePerson(id);
  const history = usePersonHistory(id);
  const [editing, setEditing] = useState(0);
  const canWrite = me.permissions.includes('person:write');
  if (person.error) return <ErrorView error={person.error} />;
  if (!person.data) return <Spin size="large" />;
  const p = person.data;
  // Edits are made where the person lives: origin-side officials read only.
  const editable = canWrite && p.side !== 'hukou';
  return (
    <>
      <PageHeader
        title={<span data-testid="person-title">{p.name}</span>}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(1)}
              data-testid="person-edit"
            >
              {t('registry.person.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small">
            <PersonFacts person={p} canReveal={me.permissions.includes('person:reveal')} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <DutiesCard personId={p.id} canEdit={editable} />
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('registry.history.title')}>
            <HistoryTimeline entries={history.data} loading={history.isPending} error={history.error} />
          </Card>
        </Col>
      </Row>
      {editing > 0 && (
        <PersonEditModal
          key={editing}
          person={p}
          onClose={() => setEditing(0)}
          onReload={async () => {
            await person.refetch();
            setEditing((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
