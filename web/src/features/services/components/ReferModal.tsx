import type { NeedDetail } from '@anju/contracts';
import { Alert, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useNeedStep, useProviders } from '../api.ts';

/** Refers a need to one of the organizations serving its category and place. */
export function ReferModal({ need, onClose }: { need: NeedDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ orgId: string }>();
  const providers = useProviders(need.id, true);
  const step = useNeedStep(need.id);
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.needs.stepDone'), stale: t('services.needs.stale') },
    onClose,
  );
  const options = (providers.data ?? []).map((o) => ({
    value: o.id,
    label: `${o.name} · ${t(`services.orgs.kinds.${o.kind}`)} · ${t('services.orgs.socialWorkerCount')} ${o.socialWorkerCount}`,
  }));
  return (
    <FormModal
      title={t('services.needs.referTitle')}
      form={form}
      saving={step.isPending}
      saveTestId="refer-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => step.mutate({ action: 'refer', orgId: v.orgId, version: need.version }, outcome)}
      >
        {providers.isSuccess && options.length === 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('services.needs.noProviders')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.Item
          name="orgId"
          label={t('services.needs.org')}
          extra={t('services.needs.referHelp')}
          rules={[rules.required(t('services.needs.org'))]}
        >
          <Select loading={providers.isLoading} options={options} data-testid="refer-org" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
