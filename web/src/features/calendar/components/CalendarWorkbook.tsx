import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { CALENDAR_IMPORT_COLUMNS, type CalendarDayKind } from '@anju/contracts';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useReasonText } from '../../../ui/errors.ts';
import { calendarExportUrl, useImportCalendar, type HolidayCalendar } from '../api.ts';

/**
 * The calendar in Excel: the calendar shown, downloaded as a workbook; for a county, a workbook checked
 * first (every bad row listed) and then made the county's calendar of the year whole.
 */
export function CalendarWorkbook({ calendar }: { calendar: HolidayCalendar }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reason = useReasonText();
  const send = useImportCalendar();
  const [file, setFile] = useState<File>();
  const { year } = calendar;
  const target = { placeId: calendar.place.id, year, version: calendar.version };
  const result = send.data;
  const clean = result && !result.committed && result.problems.length === 0;

  const check = (f: File) => {
    setFile(f);
    send.mutate({ ...target, file: f, commit: false });
    return false;
  };
  const close = () => {
    setFile(undefined);
    send.reset();
  };
  const commit = () =>
    send.mutate(
      { ...target, file: file!, commit: true },
      {
        onSuccess: (r) => {
          message.success(t('calendar.import.done', { count: r.days.length }));
          close();
        },
      },
    );

  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        href={calendarExportUrl(year, calendar.place.id)}
        data-testid="calendar-export"
      >
        {t('calendar.export')}
      </Button>
      {calendar.place.level === 'county' && (
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={check} maxCount={1}>
          <Button icon={<UploadOutlined />} data-testid="calendar-import">
            {t('calendar.import.open')}
          </Button>
        </Upload>
      )}
      <Modal
        open={file !== undefined}
        title={t('calendar.import.title', { year })}
        onCancel={close}
        footer={[
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="commit"
            type="primary"
            disabled={!clean}
            loading={send.isPending}
            onClick={commit}
            data-testid="calendar-import-commit"
          >
            {t('calendar.import.commit')}
          </Button>,
        ]}
      >
        <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-import-check">
          <Typography.Text type="secondary">{t('calendar.import.intro')}</Typography.Text>
          {file && <Typography.Text>{file.name}</Typography.Text>}
          {send.error ? <ErrorAlert error={send.error} /> : null}
          {result && result.problems.length > 0 && (
            <>
              <Alert
                type="error"
                showIcon
                message={t('calendar.import.problems', { count: result.problems.length, rows: result.rows })}
              />
              <Table
                data-testid="calendar-import-problems"
                size="small"
                rowKey={(p) => `${p.row}-${p.column}-${p.reason}`}
                dataSource={result.problems}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('calendar.import.row'), dataIndex: 'row' },
                  {
                    title: t('calendar.import.column'),
                    dataIndex: 'column',
                    render: (c: keyof typeof CALENDAR_IMPORT_COLUMNS) => CALENDAR_IMPORT_COLUMNS[c],
                  },
                  { title: t('calendar.import.reason'), key: 'reason', render: (_, p) => reason(p) },
                ]}
              />
            </>
          )}
          {clean && (
            <>
              <Alert
                type="success"
                showIcon
                message={t('calendar.import.clean', { count: result.rows, year })}
              />
              <Table
                data-testid="calendar-import-days"
                size="small"
                rowKey="day"
                dataSource={result.days}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('calendar.day'), dataIndex: 'day' },
                  {
                    title: t('calendar.kindTitle'),
                    dataIndex: 'kind',
                    render: (k: CalendarDayKind) => (
                      <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${k}`)}</Tag>
                    ),
                  },
                  { title: t('calendar.name'), dataIndex: 'name' },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </Space>
  );
}
