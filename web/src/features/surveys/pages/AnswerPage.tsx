import { App, Button, Card, Form, Result, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { FieldState } from '@anju/contracts';
import { ApiError } from '../../../ui/api.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useErrorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/api.ts';
import {
  useCampaign,
  useHouseholdMembers,
  useHouseholdSearch,
  useSubmitAnswers,
  type Answers,
} from '../api.ts';
import { defaultsOf, errorsBefore, FormRenderer } from '../components/FormRenderer.tsx';

/** Answering a campaign: a grid worker door to door for the household picked, a resident for their own. */
export function AnswerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe().data;
  const door = !!me?.permissions.includes('survey:answer');
  const campaign = useCampaign(id);
  const [q, setQ] = useState('');
  const [householdId, setHouseholdId] = useState<string>();
  const [personId, setPersonId] = useState<string>();
  const found = useHouseholdSearch(q, door);
  const members = useHouseholdMembers(campaign.data?.audience !== 'households' ? householdId : undefined);
  const [answers, setAnswers] = useState<Answers>();
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState(new Map<string, FieldState['error']>());
  const [sent, setSent] = useState(0);
  const submit = useSubmitAnswers(id);

  if (campaign.error) return <ErrorView error={campaign.error} />;
  if (!campaign.data) return <Card loading />;
  const c = campaign.data;
  const current = answers ?? defaultsOf(c.definition.questions);

  const send = () => {
    setShowAll(true);
    if (errorsBefore(c.definition, current).length) return void message.error(t('surveys.fixAnswers'));
    submit.mutate(
      { householdId: door ? householdId : undefined, personId, answers: current },
      {
        onSuccess: () => {
          message.success(t('surveys.sent'));
          setAnswers(undefined);
          setShowAll(false);
          setHouseholdId(undefined);
          setPersonId(undefined);
          setServerErrors(new Map());
          setSent((n) => n + 1);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.details.some((d) => d.field.startsWith('answers.')))
            setServerErrors(
              new Map(
                e.details.map((d) => [
                  d.field,
                  { reason: d.reason, params: d.params as Record<string, string> },
                ]),
              ),
            );
          message.error(errorText(e));
        },
      },
    );
  };

  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader
        title={c.title}
        extra={<Link to={`/surveys/${c.id}`}>{t('surveys.backToCampaign')}</Link>}
      />
      {sent > 0 && !door ? (
        <Result status="success" title={t('surveys.thanks')} data-testid="survey-thanks" />
      ) : (
        <>
          {door && (
            <Card size="small" style={{ marginBottom: 12 }}>
              <Form layout="vertical">
                <Form.Item label={t('surveys.household')} required>
                  <Select
                    showSearch
                    filterOption={false}
                    value={householdId}
                    onSearch={setQ}
                    onChange={(v) => (setHouseholdId(v), setPersonId(undefined))}
                    placeholder={t('surveys.householdHint')}
                    options={(found.data?.items ?? []).map((h) => ({
                      value: h.id,
                      label: `${h.headName} · ${h.dwelling?.name ?? h.residence.name} · ${h.householdNo}`,
                    }))}
                    data-testid="survey-household"
                  />
                </Form.Item>
                {c.audience !== 'households' && (
                  <Form.Item label={t('surveys.person')} required>
                    <Select
                      value={personId}
                      onChange={setPersonId}
                      options={(members.data?.members ?? []).map((p) => ({ value: p.id, label: p.name }))}
                      data-testid="survey-person"
                    />
                  </Form.Item>
                )}
              </Form>
            </Card>
          )}
          <Card size="small">
            <FormRenderer
              key={sent}
              form={c.definition}
              answers={current}
              onChange={(a) => (setAnswers(a), setServerErrors(new Map()))}
              showAll={showAll}
              serverErrors={serverErrors}
            />
            <Space>
              <Button
                type="primary"
                onClick={send}
                loading={submit.isPending}
                disabled={door && !householdId}
                data-testid="survey-send"
              >
                {t('surveys.send')}
              </Button>
            </Space>
          </Card>
        </>
      )}
    </div>
  );
}
