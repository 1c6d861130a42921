import { FUND_ACCOUNT_KINDS } from '@anju/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useFundSetup, useOpenAccount } from '../api.ts';

interface Values {
  placeId: string;
  kind: (typeof FUND_ACCOUNT_KINDS)[number];
  name: string;
}

/** Opens an account of a community: its kind and a name unique in the community. */
export function AccountModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const open = useOpenAccount();
  const setup = useFundSetup();
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('funds.accounts.opened'), stale: t('funds.accounts.opened') },
    onClose,
  );
  return (
    <FormModal
      title={t('funds.accounts.open')}
      form={form}
      saving={open.isPending}
      saveTestId="account-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => open.mutate(v, outcome)}
        initialValues={{ kind: 'collective' }}
      >
        <Form.Item
          name="placeId"
          label={t('funds.accounts.community')}
          rules={[
            { required: true, message: t('common.required', { field: t('funds.accounts.community') }) },
          ]}
        >
          <PlaceSelect levels={['community']} testId="account-place" />
        </Form.Item>
        <Form.Item name="kind" label={t('funds.accounts.kind')}>
          <Select options={FUND_ACCOUNT_KINDS.map((k) => ({ value: k, label: setup.kind(k) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('funds.accounts.name')}
          rules={[rules.required(t('funds.accounts.name'))]}
        >
          <Input maxLength={64} data-testid="account-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
