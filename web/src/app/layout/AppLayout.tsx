import { Drawer, Flex, Grid, Layout, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { HeaderBar } from './HeaderBar.tsx';
import { SideMenu } from './SideMenu.tsx';

/** The signed-in frame: side menu (a drawer on phones), header, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const brand = (
    <Typography.Title level={4} style={{ margin: 0, padding: '16px 24px', color: '#c0392b' }}>
      {t('app.name')}
    </Typography.Title>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          styles={{ body: { padding: 0 } }}
          title={t('app.name')}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          {brand}
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <HeaderBar phone={phone} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 48 }} data-testid="page-loading">
                <Spin size="large" />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
