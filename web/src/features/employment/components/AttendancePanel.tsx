import { App, Button, Card, DatePicker, Empty, Flex, InputNumber, List, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useErrorText } from '../../../ui/errors.ts';
import { formatDay } from '../../../ui/format.ts';
import {
  payFor,
  usePostAttendance,
  useSaveAttendance,
  type PostAttendanceRow,
  type PostDetail,
} from '../api.ts';

/** One holder's days worked in the month, entered or changed from the version read. */
function AttendanceEntry({
  row,
  month,
  subsidy,
  mayKeep,
}: {
  row: PostAttendanceRow;
  month: string;
  subsidy: number;
  mayKeep: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useSaveAttendance();
  const [days, setDays] = useState<number | null>(row.daysWorked);
  const submit = () =>
    days !== null &&
    save.mutate(
      {
        holdingId: row.holdingId,
        body: { month, daysWorked: days, ...(row.version === null ? {} : { version: row.version }) },
      },
      {
        onSuccess: () => message.success(t('employment.posts.attendanceSaved')),
        onError: (e) => message.error(errorText(e)),
      },
    );
  return (
    <List.Item data-testid="attendance-row">
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Typography.Text strong>{row.name}</Typography.Text>
        <Typography.Text type="secondary">
          {t('employment.posts.daysHeld', { days: row.daysHeld })} ·{' '}
          {t('employment.posts.pay', { amount: payFor(subsidy, row.daysWorked, month).toFixed(2) })}
          {row.endOn && ` · ${t('employment.posts.endedOn', { day: formatDay(row.endOn) })}`}
        </Typography.Text>
        {mayKeep && (
          <Flex gap={8}>
            <InputNumber
              min={0}
              max={row.daysHeld}
              precision={0}
              value={days}
              onChange={(v) => setDays(v)}
              suffix={t('employment.posts.days')}
              inputMode="numeric"
              style={{ flex: 1 }}
              data-testid="attendance-days"
            />
            <Button
              type="primary"
              onClick={submit}
              loading={save.isPending}
              disabled={days === null}
              data-testid="attendance-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** The attendance of a post's holders in a month picked on the card. */
export function AttendancePanel({ post }: { post: PostDetail }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const attendance = usePostAttendance(post.id, month);
  return (
    <Card
      size="small"
      title={t('employment.posts.attendance')}
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          inputReadOnly
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="attendance-month"
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('employment.posts.payRule')}
      </Typography.Paragraph>
      {attendance.error ? (
        <ErrorView error={attendance.error} />
      ) : !attendance.data ? (
        <Spin />
      ) : attendance.data.rows.length === 0 ? (
        <Empty description={t('employment.posts.noHolderThatMonth')} />
      ) : (
        <List
          dataSource={attendance.data.rows}
          renderItem={(row) => (
            <AttendanceEntry
              key={`${row.holdingId}-${month}-${row.version}`}
              row={row}
              month={month}
              subsidy={post.monthlySubsidy}
              mayKeep={post.mayKeep}
            />
          )}
        />
      )}
    </Card>
  );
}
