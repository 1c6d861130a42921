import { HANDLING_LEVELS, INCIDENT_STATUSES } from '@anju/contracts';
import { Checkbox, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, type IncidentFilters } from '../api.ts';

const TOGGLES = ['open', 'overdue', 'supervised', 'assignedToMe'] as const;

/** The workbench filters: search by code or title, status, category, level, and four switches. */
export function WorkbenchFilters({
  value,
  onChange,
}: {
  value: IncidentFilters;
  onChange: (next: Partial<IncidentFilters>) => void;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const english = i18n.language.startsWith('en');
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        key={value.q}
        defaultValue={value.q}
        allowClear
        placeholder={t('incidents.workbench.search')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 240, maxWidth: '100%' }}
        data-testid="incident-search"
      />
      <Select
        allowClear
        value={value.status}
        placeholder={t('incidents.fields.status')}
        style={{ width: 120 }}
        options={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
        onChange={(status?: string) => onChange({ status })}
        data-testid="incident-filter-status"
      />
      <Select
        allowClear
        value={value.categoryCode}
        placeholder={t('incidents.fields.category')}
        style={{ width: 150 }}
        options={(categories.data ?? []).map((c) => ({
          value: c.code,
          label: english ? c.nameEn : c.nameZh,
        }))}
        onChange={(categoryCode?: string) => onChange({ categoryCode })}
      />
      <Select
        allowClear
        value={value.level}
        placeholder={t('incidents.fields.level')}
        style={{ width: 120 }}
        options={HANDLING_LEVELS.map((l) => ({ value: l, label: t(`incidents.level.${l}`) }))}
        onChange={(level?: string) => onChange({ level })}
      />
      {TOGGLES.map((key) => (
        <Checkbox
          key={key}
          checked={value[key] === 'true'}
          onChange={(e) => onChange({ [key]: e.target.checked ? 'true' : undefined })}
          data-testid={`incident-filter-${key}`}
        >
          {t(`incidents.workbench.${key}`)}
        </Checkbox>
      ))}
    </Space>
  );
}
