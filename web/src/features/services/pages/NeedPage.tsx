import type { NeedAction, NeedDetail } from '@anju/contracts';
import { App, Button, Card, Descriptions, Rate, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCategories, useNeed, useNeedStep } from '../api.ts';
import { MatchesCard } from '../components/MatchesCard.tsx';
import { NeedStatusTag, UrgencyTag } from '../components/NeedTags.tsx';
import { RateForm } from '../components/RateForm.tsx';
import { ReferModal } from '../components/ReferModal.tsx';

/** The steps a provider takes with one press. */
const PRESSED: NeedAction[] = ['accept', 'decline', 'start', 'finish'];

function Steps({ need, onRefer }: { need: NeedDetail; onRefer(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const step = useNeedStep(need.id);
  const press = (action: NeedAction) =>
    step.mutate(
      { action, version: need.version },
      {
        onSuccess: () => message.success(t('services.needs.stepDone')),
        onError: (e) => message.error(errorText(e)),
      },
    );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {need.actions.includes('refer') && (
        <Button type="primary" onClick={onRefer} data-testid="need-refer">
          {t('services.needs.refer')}
        </Button>
      )}
      {PRESSED.filter((a) => need.actions.includes(a)).map((a) => (
        <Button
          key={a}
          type={a === 'decline' ? 'default' : 'primary'}
          danger={a === 'decline'}
          loading={step.isPending && step.variables?.action === a}
          onClick={() => press(a)}
          data-testid={`need-${a}`}
        >
          {t(`services.needs.actions.${a}`)}
        </Button>
      ))}
    </Space>
  );
}

/** One need: what it is, what was shared, its timeline, and the steps the reader may take. */
export function NeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const need = useNeed(id);
  const categories = useCategories();
  const [referring, setReferring] = useState(false);
  if (need.error) return <ErrorView error={need.error} />;
  if (!need.data) return <Spin />;
  const n = need.data;
  const hidden = t('services.needs.hidden');
  const shares = n.consentShares.map((s) => t(`services.needs.shares.${s}`)).join('、');
  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title={n.summary} />
      <Space wrap style={{ marginBottom: 12 }}>
        <NeedStatusTag need={n} />
        <UrgencyTag urgency={n.urgency} />
      </Space>
      {n.sensitive && (
        <Typography.Paragraph type="warning" data-testid="need-sensitive">
          {t('services.needs.sensitive')}
        </Typography.Paragraph>
      )}
      <Steps need={n} onRefer={() => setReferring(true)} />
      {n.actions.includes('rate') && <RateForm need={n} />}
      {n.actions.includes('refer') && <MatchesCard need={n} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('services.needs.category')}>
            {categories.label(n.category)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.needs.person')}>{n.personName ?? hidden}</Descriptions.Item>
          <Descriptions.Item label={t('services.needs.community')}>{n.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('services.needs.address')}>{n.address ?? hidden}</Descriptions.Item>
          <Descriptions.Item label={t('services.needs.detail')}>{n.detail ?? hidden}</Descriptions.Item>
          <Descriptions.Item label={t('services.needs.source')}>
            {t(`services.needs.sources.${n.source}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.needs.consent')}>
            <span data-testid="need-consent">
              {n.consent ? t('services.needs.consentGiven', { shares }) : t('services.needs.consentNone')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.needs.org')}>{n.orgName ?? '—'}</Descriptions.Item>
          {n.rating !== null && (
            <Descriptions.Item label={t('services.needs.rating')}>
              <Space>
                <Rate disabled value={n.rating} />
                {n.ratingComment}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('services.needs.timeline')}>
        <Timeline
          data-testid="need-timeline"
          items={n.timeline.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{t(`services.needs.actions.${e.action}`)}</Typography.Text>
                {` ${[e.actorName, e.orgName].filter(Boolean).join(' · ')} · ${formatDateTime(e.at)}`}
                {e.note && <div>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {referring && <ReferModal need={n} onClose={() => setReferring(false)} />}
    </div>
  );
}
