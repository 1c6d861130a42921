import { Card, Col, Row, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCase } from '../api.ts';
import { CaseActions } from '../components/CaseActions.tsx';
import { CaseFacts } from '../components/CaseFacts.tsx';
import { CaseProcedure } from '../components/CaseProcedure.tsx';
import {
  ComparisonRecord,
  LeadRecord,
  ReviewRecord,
  VerificationRecord,
} from '../components/CaseRecords.tsx';
import { CaseTimeline } from '../components/CaseTimeline.tsx';
import { EliminationCard } from '../components/EliminationCard.tsx';
import { MeasuresCard } from '../components/MeasuresCard.tsx';
import { NoticeRecord } from '../components/NoticeRecord.tsx';
import { StepTag } from '../components/StepTag.tsx';
import { daysOverdue } from '../steps.ts';

/** One monitoring case: where it stands in the procedure, its records, measures, elimination check and history. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.error) return <ErrorView error={query.error} />;
  if (!query.data) return <Skeleton active />;
  const c = query.data;
  return (
    <>
      <PageHeader
        title={t('cases.detail.title', { name: c.headName, no: c.householdNo })}
        extra={
          <Space size={4}>
            <StepTag step={c.step} />
            {c.overdue && (
              <Tag color="red" data-testid="case-overdue">
                {t('cases.list.overdueDays', { count: Math.max(1, daysOverdue(c)) })}
              </Tag>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <CaseProcedure detail={c} />
          <div style={{ marginTop: 16 }}>
            <CaseFacts detail={c} />
          </div>
          <CaseActions detail={c} onReload={() => void query.refetch()} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('cases.lead.title')} style={{ height: '100%' }}>
              <LeadRecord detail={c} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('cases.notice.title')} style={{ height: '100%' }}>
              <NoticeRecord detail={c} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('cases.verification.title')} style={{ height: '100%' }}>
              {c.verification ? <VerificationRecord record={c.verification} /> : t('cases.detail.notYet')}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('cases.comparison.title')} style={{ height: '100%' }}>
              {c.comparison ? <ComparisonRecord record={c.comparison} /> : t('cases.detail.notYet')}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('cases.review.title')} style={{ height: '100%' }}>
              {c.review ? <ReviewRecord record={c.review} /> : t('cases.detail.notYet')}
            </Card>
          </Col>
        </Row>
        <MeasuresCard detail={c} />
        <EliminationCard detail={c} />
        <Card title={t('cases.detail.timeline')}>
          <CaseTimeline events={c.events} />
        </Card>
      </Space>
    </>
  );
}
