import type { NeedDetail } from '@anju/contracts';
import { Button, Card, Form, Input, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useNeedStep } from '../api.ts';

/** The resident's rating of a need that is done: 1–5 stars and a comment. */
export function RateForm({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: number; note: string }>();
  const step = useNeedStep(need.id);
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.needs.rated'), stale: t('services.needs.stale') },
    () => {},
  );
  return (
    <Card size="small" title={t('services.needs.rating')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          step.mutate(
            { action: 'rate', rating: v.rating, note: v.note ?? '', version: need.version },
            outcome,
          )
        }
      >
        <Form.Item
          name="rating"
          rules={[{ required: true, message: t('common.required', { field: t('services.needs.rating') }) }]}
        >
          <Rate data-testid="need-rating" />
        </Form.Item>
        <Form.Item name="note" label={t('services.needs.ratingComment')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="need-rating-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={step.isPending} data-testid="need-rate">
          {t('services.needs.rate')}
        </Button>
      </Form>
    </Card>
  );
}
