import type { SiteMap } from '@anju/contracts';
import { Button, Form, Input, Typography, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { PhotoPicker, photoRule } from '../../../ui/PhotoPicker.tsx';
import { VoiceRecorder } from './VoiceRecorder.tsx';
import { WherePicker, whereRule, type Where } from './WherePicker.tsx';

export interface QuickValues {
  where: Where;
  photos?: UploadFile[];
  voice?: Blob;
  description?: string;
}

interface Props {
  home?: { id: string; name: string };
  map?: SiteMap;
  sending: boolean;
  onSend(values: QuickValues, reset: () => void): void;
}

/**
 * 「随手拍」 for older residents: a photo or a voice message and the place, nothing else needed;
 * the official who accepts it sorts it into a category.
 */
export function QuickReport({ home, map, sending, onSend }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuickValues>();
  const something = async () => {
    const { photos, voice } = form.getFieldsValue();
    if (!photos?.length && !voice) throw new Error(t('incidents.quick.needSomething'));
  };
  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      onFinish={(v) => onSend(v, () => form.resetFields())}
      initialValues={{ where: home && { kind: 'home', placeId: home.id, name: home.name } }}
    >
      <Typography.Paragraph type="secondary">{t('incidents.quick.hint')}</Typography.Paragraph>
      <Form.Item
        name="photos"
        label={t('incidents.quick.photo')}
        dependencies={['voice']}
        rules={[photoRule((p) => t(`incidents.photos.${p}`)), { validator: something }]}
      >
        <PhotoPicker look="cards" addLabel={t('incidents.photos.add')} testId="quick-photo" />
      </Form.Item>
      <Form.Item name="voice" label={t('incidents.quick.voice')}>
        <VoiceRecorder />
      </Form.Item>
      <Form.Item
        name="where"
        label={t('incidents.where.label')}
        rules={[whereRule(t('incidents.where.required'))]}
      >
        <WherePicker home={home} map={map} />
      </Form.Item>
      <Form.Item name="description" label={t('incidents.quick.words')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="quick-description" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={sending} data-testid="quick-submit">
        {t('incidents.report.submit')}
      </Button>
    </Form>
  );
}
