import { Button, Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FileImport, useImportLabels } from '../../../ui/FileImport.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ledgerTemplateUrl, sendLedger, type LedgerResult } from '../api.ts';

const COUNTS = ['rows', 'valid', 'invalid', 'persons', 'created', 'updated', 'ended'] as const;

/** The human-resources department's employment ledger: template, upload, the dry run's report of every bad row, commit. */
export function LedgerPage() {
  const { t } = useTranslation();
  const labels = useImportLabels('employment.ledger.reasons');
  return (
    <>
      <PageHeader title={t('employment.ledger.title')} />
      <Card>
        <FileImport<LedgerResult>
          testId="ledger"
          templateHref={ledgerTemplateUrl}
          labels={labels}
          send={(file, commit, _skipBad, onProgress) => sendLedger(file, commit, onProgress)}
          counts={(r) =>
            COUNTS.map((k) => ({ key: k, label: t(`employment.ledger.counts.${k}`), value: r[k] }))
          }
          header={() => (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('employment.ledger.intro')}
            </Typography.Paragraph>
          )}
          done={(r, restart) => (
            <Result
              status="success"
              title={t('employment.ledger.done')}
              subTitle={t('employment.ledger.doneDetail', { ...r })}
              data-testid="ledger-done"
              extra={[
                <Link key="zero" to="/employment/zero">
                  <Button type="primary">{t('employment.ledger.toZero')}</Button>
                </Link>,
                <Button key="again" onClick={restart}>
                  {t('common.fileImport.again')}
                </Button>,
              ]}
            />
          )}
        />
      </Card>
    </>
  );
}
