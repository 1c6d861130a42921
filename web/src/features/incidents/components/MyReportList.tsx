import { App, Button, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { useMyReports, useRecall } from '../api.ts';
import { plainStatus, PLAIN_COLOURS } from '../plain.ts';

/** The caller's own reports, each with where it stands in plain words; recallable until dispatched. */
export function MyReportList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mine = useMyReports();
  const recall = useRecall();
  return (
    <List
      data-testid="my-reports"
      loading={mine.isLoading}
      dataSource={mine.data?.items ?? []}
      locale={{ emptyText: t('incidents.report.none') }}
      renderItem={(i) => {
        const status = plainStatus(i);
        return (
          <List.Item
            data-testid="my-report"
            actions={
              i.status === 'reported' || i.status === 'accepted'
                ? [
                    <Button
                      key="recall"
                      size="small"
                      danger
                      loading={recall.isPending && recall.variables?.id === i.id}
                      onClick={() =>
                        recall.mutate(
                          { id: i.id, version: i.version },
                          { onError: (e) => void message.error(errorText(e)) },
                        )
                      }
                      data-testid="report-recall"
                    >
                      {t('incidents.report.recall')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Link to={`/incidents/${i.id}`} data-testid="my-report-link">
                  {i.title || t('incidents.quick.untitled')}
                </Link>
              }
              description={<Typography.Text type="secondary">{i.code}</Typography.Text>}
            />
            <Tag color={PLAIN_COLOURS[status]} data-testid="report-status">
              {t(`incidents.plain.${status}`)}
            </Tag>
          </List.Item>
        );
      }}
    />
  );
}
