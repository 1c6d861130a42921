import { Button, Card, DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { payrollXlsxUrl, usePayroll } from '../api.ts';

/** A month's payroll of the posts in view: its total, and the .xlsx with masked names to download. */
export function PayrollCard({ placeId }: { placeId?: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const q = { month, placeId };
  const payroll = usePayroll(q);
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={t('employment.posts.payroll')}>
      <Flex wrap gap={8} align="center">
        <DatePicker
          picker="month"
          allowClear={false}
          inputReadOnly
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="payroll-month"
        />
        <Typography.Text data-testid="payroll-total">
          {payroll.data &&
            t('employment.posts.payrollTotal', {
              count: payroll.data.rows.length,
              amount: payroll.data.total.toFixed(2),
            })}
        </Typography.Text>
        <Button href={payrollXlsxUrl(q)} download data-testid="payroll-export">
          {t('employment.posts.payrollExport')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('employment.posts.payRule')} {t('employment.posts.payrollMasked')}
      </Typography.Paragraph>
    </Card>
  );
}
