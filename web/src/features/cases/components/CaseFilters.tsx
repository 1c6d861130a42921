import { Checkbox, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDictionary, type CaseFilter } from '../api.ts';

const TOGGLES = ['mine', 'overdue'] as const;

/** Search by household number or head's name, category, and the two switches. */
export function CaseFilters({
  value,
  onChange,
}: {
  value: CaseFilter;
  onChange: (next: Partial<CaseFilter>) => void;
}) {
  const { t } = useTranslation();
  const categories = useDictionary('monitoring_category');
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        key={value.q}
        defaultValue={value.q}
        allowClear
        placeholder={t('cases.list.search')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 240, maxWidth: '100%' }}
        data-testid="case-search"
      />
      <Select
        allowClear
        value={value.category}
        placeholder={t('cases.fields.category')}
        style={{ width: 160 }}
        options={categories.options}
        onChange={(category?: string) => onChange({ category })}
        data-testid="case-filter-category"
      />
      {TOGGLES.map((key) => (
        <Checkbox
          key={key}
          checked={value[key] === 'true'}
          onChange={(e) => onChange({ [key]: e.target.checked ? 'true' : undefined })}
          data-testid={`case-filter-${key}`}
        >
          {t(`cases.list.${key}`)}
        </Checkbox>
      ))}
    </Space>
  );
}
