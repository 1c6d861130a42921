import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ROLES, type Role, type User } from '@anju/contracts';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useUsers, type UserFilter } from '../api.ts';
import { GrantModal } from '../components/GrantModal.tsx';
import { ResetPasswordModal } from '../components/ResetPasswordModal.tsx';
import { UserActions, type UserDialog } from '../components/UserActions.tsx';
import { UserCreateModal } from '../components/UserCreateModal.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  // The search text lives in the address (?q=), so links such as a notification's open the user.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') || undefined;
  const [rest, setFilter] = useState<Omit<UserFilter, 'q'>>({ page: 1, pageSize: 20 });
  const filter: UserFilter = { ...rest, q };
  const users = useUsers(filter);
  const search = (text: string) => {
    setParams(text ? { q: text } : {}, { replace: true });
    setFilter((f) => ({ ...f, page: 1 }));
  };
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<{ kind: UserDialog; user: User } | null>(null);

  const status = (u: User) => {
    if (u.disabled) return <Tag>{t('users.disabled')}</Tag>;
    if (u.lockedUntil && new Date(u.lockedUntil) > new Date())
      return <Tag color="orange">{t('users.locked')}</Tag>;
    return <Tag color="green">{t('users.active')}</Tag>;
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            {me.permissions.includes('user:write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
            {me.permissions.includes('user:grant') && (
              <Link to="/admin/users/import" data-testid="user-import">
                <Button icon={<UploadOutlined />}>{t('users.import.open')}</Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            placeholder={t('users.search')}
            onSearch={search}
            style={{ width: 240 }}
            data-testid="user-search"
          />
          <Select<Role>
            allowClear
            placeholder={t('users.roleFilter')}
            style={{ width: 200 }}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(role) => setFilter((f) => ({ ...f, role, page: 1 }))}
          />
        </Space>
        {users.error ? (
          <ErrorView error={users.error} />
        ) : (
          <Table<User>
            data-testid="user-table"
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            loading={users.isFetching}
            dataSource={users.data?.items}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: users.data?.total,
              showTotal: (count) => t('common.total', { count }),
              onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
            }}
            columns={[
              { title: t('users.username'), dataIndex: 'username' },
              { title: t('users.displayName'), dataIndex: 'displayName' },
              {
                title: t('users.roles'),
                dataIndex: 'roles',
                render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
              },
              {
                title: t('users.scopes'),
                dataIndex: 'scopes',
                render: (scopes: User['scopes']) => scopes.map((s) => s.name).join('、'),
              },
              { title: t('users.status'), key: 'status', render: (_, u) => status(u) },
              { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: formatDateTime },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, u) => (
                  <UserActions
                    user={u}
                    self={u.id === me.id}
                    permissions={me.permissions}
                    onOpen={(kind) => setDialog({ kind, user: u })}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
      {creating && <UserCreateModal onClose={() => setCreating(false)} />}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'grant' && <GrantModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
