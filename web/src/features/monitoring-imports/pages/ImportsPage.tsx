import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import type { ImportKind } from '../api.ts';
import { ImportPanel } from '../components/ImportPanel.tsx';

const KINDS: ImportKind[] = ['departmentData', 'incomes'];

/** Department data and incomes from Excel or CSV, one tab each; the tab stays in the address. */
export function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = KINDS.find((k) => k === params.get('tab')) ?? 'departmentData';
  return (
    <>
      <PageHeader title={t('monitoringImports.title')} />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={KINDS.map((k) => ({
            key: k,
            label: <span data-testid={`imports-tab-${k}`}>{t(`monitoringImports.tabs.${k}`)}</span>,
            children: <ImportPanel kind={k} />,
          }))}
        />
      </Card>
    </>
  );
}
