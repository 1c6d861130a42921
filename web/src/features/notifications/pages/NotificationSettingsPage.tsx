import type { MessageLocale, NotificationPreferences } from '@anju/contracts';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Segmented, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePreferences, useSavePreferences } from '../api.ts';

interface Values {
  webhook: boolean;
  phone?: string;
  removePhone?: boolean;
  locale: MessageLocale;
}

/** The signed-in user's own choice of how they are told: the bell always, text or WeChat messages if they like. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  return (
    <>
      <PageHeader title={t('notificationSettings.title')} />
      {preferences.error ? (
        <ErrorView error={preferences.error} />
      ) : (
        <Card style={{ maxWidth: 560 }} loading={preferences.isPending}>
          {preferences.data && <SettingsForm key={preferences.data.version} saved={preferences.data} />}
        </Card>
      )}
    </>
  );
}

function SettingsForm({ saved }: { saved: NotificationPreferences }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePreferences();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const webhook = Form.useWatch('webhook', form);
  const removePhone = Form.useWatch('removePhone', form);
  // what the server refused that no field shows (a stale version, the gateway switch)
  const [refused, setRefused] = useState<string[]>([]);

  const submit = (v: Values) => {
    setRefused([]);
    save.mutate(
      {
        webhook: v.webhook,
        locale: v.locale,
        phone: v.removePhone ? '' : v.phone?.trim() || undefined,
        version: saved.version,
      },
      {
        onSuccess: () => message.success(t('notificationSettings.saved')),
        onError: (e) => {
          const r = fieldErrors(form, e);
          setRefused(r.shown ? r.lines : [errorText(e)]);
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ webhook: saved.webhook, locale: saved.locale }}
      data-testid="notification-settings"
    >
      <Typography.Paragraph type="secondary">{t('notificationSettings.intro')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Text strong>{t('notificationSettings.inApp')}</Typography.Text>
          <Typography.Text type="secondary">{t('notificationSettings.inAppHint')}</Typography.Text>
        </Flex>
        <Switch checked disabled aria-label={t('notificationSettings.inApp')} />
      </Flex>
      {!saved.webhookAvailable && (
        <Alert
          type="info"
          showIcon
          title={t('notificationSettings.webhookUnavailable')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
        <Flex vertical>
          <Typography.Text strong>{t('notificationSettings.webhook')}</Typography.Text>
          <Typography.Text type="secondary">{t('notificationSettings.webhookHint')}</Typography.Text>
        </Flex>
        <Form.Item name="webhook" valuePropName="checked" noStyle>
          <Switch
            disabled={!saved.webhookAvailable && !saved.webhook}
            aria-label={t('notificationSettings.webhook')}
            data-testid="settings-webhook"
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name="phone"
        label={t('notificationSettings.phone')}
        extra={saved.phoneMasked && t('notificationSettings.phoneCurrent', { phone: saved.phoneMasked })}
        style={{ marginTop: 16 }}
      >
        <Input
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={20}
          placeholder={t('notificationSettings.phoneNew')}
          disabled={!!removePhone}
          data-testid="settings-phone"
        />
      </Form.Item>
      {saved.phoneMasked && !webhook && (
        <Form.Item name="removePhone" valuePropName="checked">
          <Checkbox>{t('notificationSettings.phoneRemove')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="locale" label={t('notificationSettings.locale')}>
        <Segmented<MessageLocale>
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en-US', label: 'English' },
          ]}
        />
      </Form.Item>
      {refused.length > 0 && (
        <Alert type="error" showIcon title={refused.join('\n')} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="settings-save">
        {t('notificationSettings.save')}
      </Button>
    </Form>
  );
}
