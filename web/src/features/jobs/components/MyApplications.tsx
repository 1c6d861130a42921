import { App, Button, Card, Empty, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { formatDay } from '../../../ui/format.ts';
import { useAnswer, useMyApplications, type Application } from '../api.ts';

/** The household's applications and recommendations with their progress and the person's answers. */
export function MyApplications() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useMyApplications();
  const answer = useAnswer();
  const onError = { onError: (e: unknown) => void message.error(errorText(e)) };
  const open = (a: Application) => ['recommended', 'applied', 'interview'].includes(a.status);

  if (!list.data?.length) return <Empty description={t('jobs.board.mineEmpty')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="my-applications">
      {list.data.map((a) => (
        <Card key={a.id} size="small" title={`${a.jobTitle} · ${a.name}`} data-testid="my-application">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{a.enterpriseName}</Typography.Text>
            <Space wrap>
              <Tag color="blue" data-testid="my-application-status">
                {t(`jobs.appStatuses.${a.status}`)}
              </Tag>
              {a.interviewOn && t('jobs.board.interviewOn', { day: formatDay(a.interviewOn) })}
            </Space>
            {a.status === 'recommended' ? (
              <Space wrap>
                <Button
                  type="primary"
                  onClick={() =>
                    answer.mutate(
                      { id: a.id, step: 'consent', body: { agree: true, version: a.version } },
                      onError,
                    )
                  }
                >
                  {t('jobs.agree')}
                </Button>
                <Button
                  onClick={() =>
                    answer.mutate(
                      { id: a.id, step: 'consent', body: { agree: false, version: a.version } },
                      onError,
                    )
                  }
                >
                  {t('jobs.decline')}
                </Button>
              </Space>
            ) : (
              open(a) && (
                <Space wrap>
                  <Switch
                    checked={a.showPhone}
                    onChange={(v) =>
                      answer.mutate(
                        { id: a.id, step: 'phone', body: { showPhone: v, version: a.version } },
                        onError,
                      )
                    }
                  />
                  {t('jobs.showPhone')}
                  <Button
                    size="small"
                    onClick={() =>
                      answer.mutate({ id: a.id, step: 'withdraw', body: { version: a.version } }, onError)
                    }
                  >
                    {t('jobs.board.withdraw')}
                  </Button>
                </Space>
              )
            )}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
