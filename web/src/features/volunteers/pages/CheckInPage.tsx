import { Alert, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useScan } from '../api.ts';

/** Opened from the code shown at an activity, on the volunteer's phone: check in or out. */
export function CheckInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('code') ?? '';
  const scan = useScan();
  const done = scan.data;
  return (
    <>
      <PageHeader title={t('volunteers.checkIn.title')} />
      <Card size="small">
        {!token ? (
          <Alert type="warning" message={t('volunteers.checkIn.noCode')} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('volunteers.checkIn.hint')}</Typography.Text>
            <Button
              type="primary"
              size="large"
              block
              loading={scan.isPending && scan.variables?.action === 'in'}
              onClick={() => scan.mutate({ token, action: 'in' })}
              data-testid="scan-in"
            >
              {t('volunteers.checkIn.in')}
            </Button>
            <Button
              size="large"
              block
              loading={scan.isPending && scan.variables?.action === 'out'}
              onClick={() => scan.mutate({ token, action: 'out' })}
              data-testid="scan-out"
            >
              {t('volunteers.checkIn.out')}
            </Button>
            <ErrorAlert error={scan.error} testId="scan-error" gap={0} />
            {done && (
              <Alert
                type="success"
                data-testid="scan-done"
                message={
                  done.mine?.checkedOutAt
                    ? t('volunteers.checkIn.outDone', {
                        title: done.title,
                        at: formatDateTime(done.mine.checkedOutAt),
                      })
                    : t('volunteers.checkIn.inDone', {
                        title: done.title,
                        at: formatDateTime(done.mine?.checkedInAt),
                      })
                }
              />
            )}
            <Link to="/volunteer">{t('volunteers.mine')}</Link>
          </Space>
        )}
      </Card>
    </>
  );
}
