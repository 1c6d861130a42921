import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { SURVEY_AUDIENCES, type SurveyForm } from '@anju/contracts';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useCreateCampaign } from '../api.ts';

interface Fields {
  formId: string;
  title: string;
  placeId: string;
  audience: (typeof SURVEY_AUDIENCES)[number];
  tag?: string;
  anonymous: boolean;
  dates: [Dayjs, Dayjs];
}

/** Sends a form version to the households, residents or tagged residents of a place, between two days. */
export function CampaignModal({
  place,
  formId,
  forms,
  onClose,
}: {
  place?: { id: string; name: string };
  formId?: string;
  forms: SurveyForm[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const create = useCreateCampaign();
  const outcome = useSaveOutcome(
    form,
    { saved: t('surveys.campaignSent'), stale: t('surveys.campaignSent') },
    onClose,
  );
  const audience = Form.useWatch('audience', form);
  return (
    <FormModal
      title={t('surveys.newCampaign')}
      form={form}
      saving={create.isPending}
      saveTestId="campaign-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          formId,
          audience: 'households',
          anonymous: false,
          dates: [dayjs(), dayjs().add(30, 'day')],
        }}
        onFinish={(v) =>
          create.mutate(
            {
              formId: v.formId,
              title: v.title,
              placeId: v.placeId,
              audience: v.audience,
              tag: v.audience === 'tag' ? v.tag : undefined,
              anonymous: v.anonymous,
              opensOn: v.dates[0].format('YYYY-MM-DD'),
              closesOn: v.dates[1].format('YYYY-MM-DD'),
            },
            { ...outcome, onSuccess: (c) => (outcome.onSuccess(), navigate(`/surveys/${c.id}`)) },
          )
        }
      >
        <Form.Item
          name="formId"
          label={t('surveys.fields.form')}
          rules={[rules.required(t('surveys.fields.form'))]}
        >
          <Select
            data-testid="campaign-form"
            options={forms.map((f) => ({
              value: f.id,
              label: `${f.title} · ${t('surveys.version', { version: f.formVersion })}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('surveys.fields.title')}
          rules={[rules.required(t('surveys.fields.title'))]}
        >
          <Input maxLength={256} data-testid="campaign-title" />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t('surveys.fields.place')}
          rules={[rules.required(t('surveys.fields.place'))]}
        >
          <PlaceSelect
            levels={['county', 'township', 'community', 'grid']}
            initial={place}
            testId="campaign-place"
          />
        </Form.Item>
        <Form.Item name="audience" label={t('surveys.fields.audience')}>
          <Select options={SURVEY_AUDIENCES.map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))} />
        </Form.Item>
        {audience === 'tag' && (
          <Form.Item
            name="tag"
            label={t('surveys.fields.tag')}
            rules={[rules.required(t('surveys.fields.tag'))]}
          >
            <Input maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="anonymous" valuePropName="checked" extra={t('surveys.anonymousHint')}>
          <Checkbox>{t('surveys.anonymous')}</Checkbox>
        </Form.Item>
        <Form.Item name="dates" label={t('surveys.fields.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
