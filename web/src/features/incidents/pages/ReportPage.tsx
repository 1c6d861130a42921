import type { IncidentStatus } from '@anju/contracts';
import { App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useCategories, useMyReports, useRecall, useReport, type NewReport } from '../api.ts';

const RECALLABLE: IncidentStatus[] = ['reported', 'accepted'];

/** 「我要反映」: a resident reports a problem and follows their own reports. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useSignedIn();
  const [form] = Form.useForm<Omit<NewReport, 'placeId'>>();
  const categories = useCategories();
  const mine = useMyReports();
  const report = useReport();
  const recall = useRecall();
  const english = i18n.language.startsWith('en');
  const placeId = me.scopes[0]?.id;

  const submit = (v: Omit<NewReport, 'placeId'>) => {
    if (!placeId) return;
    report.mutate(
      { ...v, description: v.description ?? '', placeId },
      {
        onSuccess: () => (message.success(t('incidents.report.sent')), form.resetFields()),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={t('incidents.report.title')} />
      <Card>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="categoryCode"
            label={t('incidents.report.category')}
            rules={[
              { required: true, message: t('common.required', { field: t('incidents.report.category') }) },
            ]}
          >
            <Select
              data-testid="report-category"
              loading={categories.isLoading}
              options={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: english ? c.nameEn : c.nameZh,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('incidents.report.subject')}
            rules={[
              { required: true, message: t('common.required', { field: t('incidents.report.subject') }) },
              { min: 2, message: t('incidents.report.subjectShort') },
            ]}
          >
            <Input maxLength={100} data-testid="report-title" />
          </Form.Item>
          <Form.Item name="description" label={t('incidents.report.description')}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="report-description" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={report.isPending}
            disabled={!placeId}
            data-testid="report-submit"
          >
            {t('incidents.report.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('incidents.report.mine')}>
        <List
          data-testid="my-reports"
          loading={mine.isLoading}
          dataSource={mine.data?.items ?? []}
          locale={{ emptyText: t('incidents.report.none') }}
          renderItem={(i) => (
            <List.Item
              data-testid="my-report"
              actions={
                RECALLABLE.includes(i.status)
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
                title={i.title}
                description={<Typography.Text type="secondary">{i.code}</Typography.Text>}
              />
              <Tag data-testid="report-status">{t(`incidents.status.${i.status}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
