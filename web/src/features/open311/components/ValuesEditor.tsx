import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Open311Attribute } from '../api.ts';

type Value = Open311Attribute['values'][number];

/** The choices of a list attribute: a key clients send and the name people read. */
export function ValuesEditor({ values, onChange }: { values: Value[]; onChange(values: Value[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Value>) =>
    onChange(values.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <Space orientation="vertical" size={4} data-testid="values-editor">
      {values.map((v, i) => (
        <Space.Compact key={i}>
          <Input
            style={{ width: 96 }}
            placeholder={t('open311.valueKey')}
            aria-label={t('open311.valueKey')}
            value={v.key}
            maxLength={32}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <Input
            style={{ width: 128 }}
            placeholder={t('open311.valueName')}
            aria-label={t('open311.valueName')}
            value={v.name}
            maxLength={64}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('open311.removeValue')}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...values, { key: '', name: '' }])}
        data-testid="add-value"
      >
        {t('open311.addValue')}
      </Button>
    </Space>
  );
}
