import { Alert, Button, Card, Descriptions, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useAcceptWages, useHouseholdWages } from '../api.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 5 }, (_, i) => thisYear - i);

/**
 * The year's wage income from the household's employment records (monthly wage × months held, per
 * person) beside the wage of its income record, which an official of the residence side may replace
 * with it; nothing is replaced without that.
 */
export function WagesCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const wages = useHouseholdWages(householdId, year);
  const accept = useAcceptWages(householdId);
  const w = wages.data;
  const declared = w?.declared;
  const same = !!declared && declared.wage === w?.total && declared.wageSource === 'employment_records';
  return (
    <Card
      size="small"
      data-testid="wages-card"
      loading={wages.isLoading}
      title={t('employment.wages.title')}
      extra={
        <Select
          size="small"
          value={year}
          onChange={(y) => (accept.reset(), setYear(y))}
          options={YEARS.map((y) => ({ value: y, label: t('employment.wages.year', { year: y }) }))}
          data-testid="wages-year"
        />
      }
    >
      {wages.error && <ErrorAlert error={wages.error} />}
      {w && (
        <Flex vertical gap={8}>
          {w.persons.length === 0 ? (
            <Typography.Text type="secondary">{t('employment.wages.none')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={w.persons}
              renderItem={(p) => (
                <List.Item data-testid="wages-person">
                  <Typography.Text>{p.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('employment.wages.personShown', { months: p.months, wage: p.wage.toFixed(2) })}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'computed',
                label: t('employment.wages.computed'),
                children: (
                  <span data-testid="wages-total">{t('employment.wages.yuan', { amount: w.total })}</span>
                ),
              },
              {
                key: 'declared',
                label: t('employment.wages.declared'),
                children: declared ? (
                  <span data-testid="wages-declared">
                    {t('employment.wages.yuan', { amount: declared.wage })}{' '}
                    <Tag color={declared.wageSource === 'declared' ? 'default' : 'blue'}>
                      {t(`employment.wages.sources.${declared.wageSource}`)}
                    </Tag>
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('employment.wages.noRecord')}</Typography.Text>
                ),
              },
            ]}
          />
          {accept.error && <ErrorAlert error={accept.error} />}
          {accept.isSuccess && <Alert type="success" showIcon title={t('employment.wages.accepted')} />}
          {w.mayAccept && w.persons.length > 0 && !same && (
            <Popconfirm
              title={
                declared
                  ? t('employment.wages.replaceConfirm', { from: declared.wage, to: w.total })
                  : t('employment.wages.newConfirm', { to: w.total })
              }
              onConfirm={() => accept.mutate({ year, version: declared?.version })}
            >
              <Button type="primary" loading={accept.isPending} data-testid="wages-accept">
                {t('employment.wages.accept')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
    </Card>
  );
}
