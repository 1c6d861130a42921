import { BASIC_NEEDS, type CaseDetail, type EliminationCheck } from '@anju/contracts';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useEliminationCheck } from '../api.ts';
import { ELIMINATION } from '../steps.ts';

type Criterion = EliminationCheck['criteria'][number];
const NEEDS: readonly string[] = BASIC_NEEDS;

/** Whether the risk may be eliminated: each criterion met or not, with the figures behind it, in words. */
export function EliminationCard({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const check = useEliminationCheck(detail.id, ELIMINATION.includes(detail.step));
  if (!ELIMINATION.includes(detail.step)) return null;
  const fact = (key: string, value: string | number | boolean) =>
    key === 'partYear'
      ? t(`cases.criteria.partYear.${String(value)}`)
      : key === 'required'
        ? t(value ? 'cases.criteria.labourRequired' : 'cases.criteria.labourNotRequired')
        : NEEDS.includes(key)
          ? t(value ? 'cases.criteria.secured' : 'cases.criteria.notSecured', {
              need: t(`cases.basicNeeds.${key}`),
            })
          : t(`cases.criteria.param.${key}`, {
              value: typeof value === 'number' ? value.toLocaleString(i18n.language) : value,
              defaultValue: `${key}: ${String(value)}`,
            });
  const item = (c: Criterion) => (
    <List.Item data-testid="criterion" data-code={c.code} data-met={c.met}>
      <List.Item.Meta
        avatar={
          c.met ? (
            <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />
          ) : (
            <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 18 }} />
          )
        }
        title={
          <>
            {t(`cases.criteria.${c.code}.name`)}{' '}
            <Tag color={c.met ? 'success' : 'error'}>
              {t(c.met ? 'cases.criteria.met' : 'cases.criteria.notMet')}
            </Tag>
          </>
        }
        description={
          <>
            <div>{t(`cases.criteria.${c.code}.rule`)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {Object.entries(c.params)
                .map(([k, v]) => fact(k, v))
                .join(t('cases.criteria.separator'))}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
  return (
    <Card title={t('cases.criteria.title')} data-testid="elimination-check">
      {check.error ? (
        <ErrorView error={check.error} />
      ) : !check.data ? (
        <Skeleton active />
      ) : (
        <>
          <Alert
            type={check.data.ok ? 'success' : 'info'}
            showIcon
            title={t(check.data.ok ? 'cases.criteria.ok' : 'cases.criteria.notYet')}
            style={{ marginBottom: 8 }}
          />
          <List dataSource={check.data.criteria} renderItem={item} />
        </>
      )}
    </Card>
  );
}
