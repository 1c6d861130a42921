import { Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { selectedOf, type FieldState, type Question } from '@anju/contracts';
import { useReasonText } from '../../../ui/errors.ts';

interface Props {
  q: Question;
  state: FieldState;
  value: string;
  text(texts: Record<string, string>, fallback?: string): string;
  showError: boolean;
  onChange(value: string): void;
}

const INPUT_TYPES: Partial<Record<Question['type'], string>> = {
  date: 'date',
  time: 'time',
  dateTime: 'datetime-local',
};

/** One question of a form on a phone: its label, hint, input by type and appearance, and what is wrong. */
export function QuestionField({ q, state, value, text, showError, onChange }: Props) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const error = showError && state.error ? reasonText(state.error) : undefined;
  const label = text(q.label, q.name);
  const testId = `q-${state.path.replace(/^answers\./, '')}`;
  const options = [
    ...(state.choices ?? []).map((c) => ({ value: c.name, label: text(c.label, c.name) })),
    ...(q.orOther ? [{ value: 'other', label: t('surveys.other') }] : []),
  ];
  let input;
  if (q.type === 'note') return <Typography.Paragraph data-testid={testId}>{label}</Typography.Paragraph>;
  if (q.type === 'select_one')
    input = q.appearance?.includes('minimal') ? (
      <Select value={value || undefined} options={options} onChange={(v) => onChange(v ?? '')} allowClear />
    ) : (
      <Radio.Group value={value} onChange={(e) => onChange(e.target.value)}>
        <Space direction="vertical">
          {options.map((o) => (
            <Radio key={o.value} value={o.value}>
              {o.label}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  else if (q.type === 'select_multiple')
    input = (
      <Checkbox.Group value={selectedOf(value)} onChange={(v) => onChange(v.join(' '))}>
        <Space direction="vertical">
          {options.map((o) => (
            <Checkbox key={o.value} value={o.value}>
              {o.label}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    );
  else if (q.type === 'acknowledge')
    input = (
      <Checkbox checked={value === 'OK'} onChange={(e) => onChange(e.target.checked ? 'OK' : '')}>
        {t('surveys.acknowledge')}
      </Checkbox>
    );
  else if (q.type === 'text' && q.appearance?.includes('multiline'))
    input = <Input.TextArea value={value} rows={3} onChange={(e) => onChange(e.target.value)} />;
  else
    input = (
      <Input
        value={value}
        type={INPUT_TYPES[q.type] ?? 'text'}
        inputMode={q.type === 'integer' ? 'numeric' : q.type === 'decimal' ? 'decimal' : undefined}
        placeholder={q.type === 'geopoint' ? t('surveys.geopointHint') : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <Form.Item
      label={label}
      required={state.required}
      extra={text(q.hint, '') || undefined}
      validateStatus={error ? 'error' : undefined}
      help={error}
      data-testid={testId}
    >
      <div
        aria-disabled={q.readOnly}
        style={q.readOnly ? { pointerEvents: 'none', opacity: 0.7 } : undefined}
      >
        {input}
      </div>
    </Form.Item>
  );
}
