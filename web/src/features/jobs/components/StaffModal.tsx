import { App, Button, Form, Input, List, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useEnterprises } from '../../enterprises/api.ts';
import { useLinkStaff, useStaff, useUnlinkStaff } from '../api.ts';

/** Links enterprise_hr accounts to an enterprise of the register, and lists those linked. */
export function StaffModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string }>();
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const enterprises = useEnterprises({ page: 1, pageSize: 200 });
  const staff = useStaff(enterpriseId);
  const link = useLinkStaff();
  const unlink = useUnlinkStaff();
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();

  const submit = (v: { username: string }) =>
    link.mutate(
      { username: v.username.trim(), enterpriseId: enterpriseId! },
      {
        onSuccess: () => (message.success(t('jobs.staffLinked')), form.resetFields()),
        onError: (e) => void (fieldErrors(form, e).shown || message.error(errorText(e))),
      },
    );

  return (
    <Modal open title={t('jobs.staff')} footer={null} onCancel={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('jobs.enterprise')}
          style={{ width: '100%' }}
          value={enterpriseId}
          onChange={setEnterpriseId}
          data-testid="staff-enterprise"
          options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
        {enterpriseId && (
          <>
            <List
              size="small"
              dataSource={staff.data ?? []}
              locale={{ emptyText: t('jobs.staffEmpty') }}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Button
                      key="unlink"
                      size="small"
                      danger
                      loading={unlink.isPending}
                      onClick={() =>
                        unlink.mutate(
                          { userId: s.userId, enterpriseId: s.enterpriseId },
                          { onError: (e) => void message.error(errorText(e)) },
                        )
                      }
                    >
                      {t('jobs.staffUnlink')}
                    </Button>,
                  ]}
                >
                  {s.displayName} ({s.username})
                </List.Item>
              )}
            />
            <Form form={form} layout="inline" onFinish={submit}>
              <Form.Item name="username" rules={[{ required: true, message: t('jobs.staffUsername') }]}>
                <Input placeholder={t('jobs.staffUsername')} data-testid="staff-username" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={link.isPending} data-testid="staff-link">
                {t('jobs.staffLink')}
              </Button>
            </Form>
          </>
        )}
      </Space>
    </Modal>
  );
}
