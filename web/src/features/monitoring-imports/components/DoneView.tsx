import { Button, List, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportKind, ImportResult } from '../api.ts';

/** The leads list filtered to what each kind of import raises. */
const SOURCE: Record<ImportKind, string> = { departmentData: 'department_data', incomes: 'screening' };

/** What a commit wrote, with the leads it raised or added to, each opening the leads list at its household. */
export function DoneView({
  kind,
  result,
  onRestart,
}: {
  kind: ImportKind;
  result: ImportResult;
  onRestart(): void;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('monitoringImports.done')}
      subTitle={t(`monitoringImports.doneDetail.${kind}`, result as unknown as Record<string, number>)}
      data-testid="imports-done"
      extra={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {result.leads.length > 0 && (
            <List
              size="small"
              bordered
              header={t('monitoringImports.leadsHeader')}
              dataSource={result.leads}
              data-testid="imports-leads"
              renderItem={(l) => (
                <List.Item
                  actions={[
                    <Link key="household" to={`/registry/households/${l.householdId}`}>
                      {t('monitoringImports.household')}
                    </Link>,
                  ]}
                >
                  <Link to={`/monitoring/leads?${new URLSearchParams({ q: l.householdNo, status: 'any' })}`}>
                    {l.householdNo} {l.headName}
                  </Link>
                </List.Item>
              )}
            />
          )}
          <Space wrap style={{ justifyContent: 'center' }}>
            <Link to={`/monitoring/leads?source=${SOURCE[kind]}`}>
              <Button type="primary" data-testid="imports-to-leads">
                {t('monitoringImports.toLeads')}
              </Button>
            </Link>
            <Button onClick={onRestart}>{t('monitoringImports.again')}</Button>
          </Space>
        </Space>
      }
    />
  );
}
