import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '@anju/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { isCode, useErrorText } from '../../../ui/errors.ts';
import { useCalendar, useSaveCalendar, type CalendarDay } from '../api.ts';
import { CalendarWorkbook } from '../components/CalendarWorkbook.tsx';

const THIS_YEAR = dayjs().year();
const YEARS = [THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1];

interface NewDay {
  day?: Dayjs;
  kind: CalendarDayKind;
  name?: string;
}

/**
 * The holiday calendar of a year: official holidays and adjusted working weekends (调休). A county
 * admin keeps the county's own; until then the national calendar as published applies.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [year, setYear] = useState(THIS_YEAR);
  const calendar = useCalendar(year);
  const save = useSaveCalendar();
  const [form] = Form.useForm<NewDay>();
  const c = calendar.data;
  const county = c?.place.level === 'county';

  const store = (days: CalendarDay[]) =>
    c &&
    save.mutate(
      { placeId: c.place.id, year, source: c.own ? c.source : '', days, version: c.version },
      {
        onSuccess: () => {
          message.success(t('calendar.saved'));
          form.resetFields();
        },
        onError: (e) => message.error(isCode(e, 'conflict') ? t('calendar.conflict') : errorText(e)),
      },
    );
  const add = (v: NewDay) => {
    if (!c || !v.day) return;
    const day = v.day.format('YYYY-MM-DD');
    const rest = c.days.filter((d) => d.day !== day);
    store([...rest, { day, kind: v.kind, name: v.name ?? '' }].sort((a, b) => a.day.localeCompare(b.day)));
  };

  return (
    <Card
      title={t('calendar.title')}
      extra={
        <Select
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          data-testid="calendar-year"
          style={{ width: 100 }}
        />
      }
    >
      {calendar.error && <ErrorAlert error={calendar.error} />}
      {c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={c.placeId ? 'success' : 'info'}
            data-testid="calendar-source"
            message={
              c.placeId
                ? t('calendar.own', { place: c.placeName })
                : c.days.length
                  ? t('calendar.national')
                  : t('calendar.none')
            }
            description={c.source || undefined}
          />
          <CalendarWorkbook calendar={c} />
          {county && (
            <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'holiday' }}>
              <Form.Item name="day" rules={[{ required: true, message: t('calendar.dayRequired') }]}>
                <DatePicker
                  data-testid="calendar-day"
                  minDate={dayjs(`${year}-01-01`)}
                  maxDate={dayjs(`${year}-12-31`)}
                />
              </Form.Item>
              <Form.Item name="kind">
                <Select
                  data-testid="calendar-kind"
                  style={{ width: 140 }}
                  options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name="name">
                <Input placeholder={t('calendar.name')} maxLength={32} style={{ width: 140 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="calendar-add">
                {t('calendar.add')}
              </Button>
            </Form>
          )}
          <Table
            rowKey="day"
            size="small"
            pagination={false}
            data-testid="calendar-days"
            dataSource={c.days}
            scroll={{ x: true }}
            columns={[
              {
                title: t('calendar.day'),
                dataIndex: 'day',
                render: (d: string) => `${d} ${t(`calendar.weekday.${dayjs(d).day()}`)}`,
              },
              {
                title: t('calendar.kindTitle'),
                dataIndex: 'kind',
                render: (k: CalendarDayKind) => (
                  <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${k}`)}</Tag>
                ),
              },
              { title: t('calendar.name'), dataIndex: 'name' },
              ...(county
                ? [
                    {
                      key: 'remove',
                      render: (_: unknown, d: CalendarDay) => (
                        <Button
                          size="small"
                          danger
                          onClick={() => store(c.days.filter((x) => x.day !== d.day))}
                          data-testid={`calendar-remove-${d.day}`}
                        >
                          {t('calendar.remove')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Text type="secondary">{t('calendar.rule')}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
