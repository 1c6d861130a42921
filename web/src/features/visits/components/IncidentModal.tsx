import type { Visit } from '@anju/contracts';
import { App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useIncidentCategories, useToIncident } from '../api.ts';

interface Values {
  categoryCode: string;
  title: string;
  description: string;
}

/** 「转为事件」: the worker picks the category; title and description start from the finding. */
export function IncidentModal({ visit, onClose }: { visit: Visit; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const categories = useIncidentCategories();
  const convert = useToIncident(visit.id);
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const english = i18n.language.startsWith('en');
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(field) }),
  });

  const submit = (v: Values) =>
    convert.mutate(v, {
      onSuccess: ({ incident }) => {
        message.success(t('visits.detail.created', { code: incident.code }));
        onClose();
      },
      onError: (e) => {
        if (!fieldErrors(form, e).shown) message.error(errorText(e));
      },
    });

  return (
    <Modal
      open
      title={t('visits.detail.toIncident')}
      okText={t('visits.detail.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={convert.isPending}
      okButtonProps={{ 'data-testid': 'incident-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: visit.findings.split('\n')[0].trim().slice(0, 100),
          description: visit.findings.slice(0, 2000),
        }}
      >
        <Form.Item
          name="categoryCode"
          label={t('visits.detail.category')}
          rules={[required('visits.detail.category')]}
        >
          <Select
            loading={categories.isLoading}
            options={(categories.data ?? []).map((c) => ({
              value: c.code,
              label: english ? c.nameEn : c.nameZh,
            }))}
            data-testid="incident-category"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('visits.detail.incidentTitle')}
          rules={[
            required('visits.detail.incidentTitle'),
            { min: 2, message: t('visits.detail.titleShort') },
          ]}
        >
          <Input maxLength={100} data-testid="incident-title" />
        </Form.Item>
        <Form.Item name="description" label={t('visits.detail.description')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
