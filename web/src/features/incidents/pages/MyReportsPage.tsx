import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { MyReportList } from '../components/MyReportList.tsx';

/** 「我的反映」: the caller's own reports in plain words, on a phone. */
export function MyReportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('incidents.report.mine')}
        extra={
          <Link to="/incidents/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('incidents.report.title')}
            </Button>
          </Link>
        }
      />
      <Card>
        <MyReportList />
      </Card>
    </>
  );
}
