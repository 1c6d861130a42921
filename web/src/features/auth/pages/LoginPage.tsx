import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useErrorText } from '../../../ui/errors.ts';
import { LanguageSwitch } from '../../../ui/LanguageSwitch.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useScope } from '../../../ui/scope.tsx';
import { useLogin } from '../api.ts';

export type LoginNotice = 'expired' | 'passwordChanged';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: LoginNotice } | null)?.notice;
  const login = useLogin();
  const errorText = useErrorText();
  const rules = useRules();
  const { setScope } = useScope();

  const submit = (values: { username: string; password: string }) =>
    login.mutate(values, {
      onSuccess: (me) => {
        setScope(null);
        navigate(me.mustChangePassword ? '/password' : '/', { replace: true });
      },
    });

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        {notice && !login.error && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={t(`login.${notice}`)}
            data-testid="login-notice"
          />
        )}
        {login.error && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            title={errorText(login.error)}
            data-testid="login-error"
          />
        )}
        <Form layout="vertical" style={{ marginTop: 16 }} onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[rules.required(t('login.username'))]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[rules.required(t('login.password'))]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
