import type { MonitoringLine } from '@anju/contracts';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PlaceSelect } from '../../places/index.ts';
import { useLines, useSetLine } from '../api.ts';
import { useFieldErrors } from '../../../ui/errors.ts';

interface Values {
  year: number;
  placeId: string;
  amount: number;
  source: string;
}

/** Monitoring lines by year and region; holders of the policy permission set them. */
export function LinesCard({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  const lines = useLines();
  const setLine = useSetLine();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Values>();
  const thisYear = new Date().getFullYear();

  const submit = async (values: Values) => {
    try {
      await setLine.mutateAsync(values);
      form.resetFields(['amount', 'source']);
    } catch (error) {
      fieldErrors(form, error);
    }
  };

  return (
    <Card title={t('monitoring.lines.title')} style={{ marginBottom: 16 }}>
      {mayEdit && (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          initialValues={{ year: thisYear }}
          style={{ marginBottom: 12 }}
        >
          <Space wrap align="start">
            <Form.Item name="year" rules={[{ required: true }]}>
              <Select
                style={{ width: 110 }}
                options={[-1, 0, 1].map((d) => ({ value: thisYear + d, label: thisYear + d }))}
              />
            </Form.Item>
            <Form.Item
              name="placeId"
              rules={[{ required: true, message: t('monitoring.lines.placeRequired') }]}
            >
              <PlaceSelect
                levels={['province', 'city', 'county']}
                placeholder={t('monitoring.lines.place')}
                testId="line-place"
              />
            </Form.Item>
            <Form.Item
              name="amount"
              rules={[{ required: true, message: t('monitoring.lines.amountRequired') }]}
            >
              <InputNumber
                min={1000}
                max={100000}
                precision={0}
                addonAfter={t('monitoring.yuanPerPerson')}
                placeholder={t('monitoring.lines.amount')}
                data-testid="line-amount"
              />
            </Form.Item>
            <Form.Item name="source">
              <Input
                maxLength={300}
                style={{ width: 320 }}
                placeholder={t('monitoring.lines.source')}
                data-testid="line-source"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={setLine.isPending} data-testid="line-save">
              {t('common.save')}
            </Button>
          </Space>
        </Form>
      )}
      {lines.error ? (
        <ErrorView error={lines.error} />
      ) : (
        <Table<MonitoringLine>
          rowKey="id"
          size="small"
          loading={lines.isLoading}
          dataSource={lines.data ?? []}
          pagination={false}
          data-testid="line-table"
          columns={[
            { title: t('monitoring.lines.year'), dataIndex: 'year' },
            {
              title: t('monitoring.lines.place'),
              key: 'place',
              render: (_, l) => `${l.placeName}（${t(`levels.${l.placeLevel}`)}）`,
            },
            {
              title: t('monitoring.lines.amount'),
              dataIndex: 'amount',
              render: (a: number) => `${a.toLocaleString()} ${t('monitoring.yuanPerPerson')}`,
            },
            {
              title: t('monitoring.lines.source'),
              dataIndex: 'source',
              render: (s: string) =>
                s ? (
                  <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: s }}>
                    {s}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="warning">{t('monitoring.lines.noSource')}</Typography.Text>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
