import { DatePicker, Grid, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

const DAY = 'YYYY-MM-DD';

/** Common reporting periods, ending today at the latest. */
export const PRESETS: Record<string, () => [Dayjs, Dayjs]> = {
  thisMonth: () => [dayjs().startOf('month'), dayjs()],
  lastMonth: () => [
    dayjs().subtract(1, 'month').startOf('month'),
    dayjs().subtract(1, 'month').endOf('month'),
  ],
  thisQuarter: () => {
    const start = dayjs().startOf('month');
    return [start.subtract(start.month() % 3, 'month'), dayjs()];
  },
  thisYear: () => [dayjs().startOf('year'), dayjs()],
  last12Months: () => [dayjs().subtract(12, 'month').add(1, 'day'), dayjs()],
};

export const presetPeriod = (name: string) => PRESETS[name]().map((d) => d.format(DAY)) as [string, string];

/** A period of whole days: a preset or any range. */
export function PeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const preset = Object.keys(PRESETS).find((name) => {
    const [f, tt] = presetPeriod(name);
    return f === from && tt === to;
  });
  const phone = !Grid.useBreakpoint().md;
  const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');
  const presets = (
    <Select
      data-testid="kpi-preset"
      value={preset ?? 'custom'}
      style={{ width: phone ? '100%' : 112 }}
      onChange={(name: string) => name !== 'custom' && onChange(...presetPeriod(name))}
      options={[...Object.keys(PRESETS), 'custom'].map((name) => ({
        value: name,
        label: t(`kpi.presets.${name}`),
        disabled: name === 'custom',
      }))}
    />
  );
  // a range picker opens two months side by side, wider than a phone: two single pickers there
  if (phone)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {presets}
        <Space.Compact style={{ width: '100%' }}>
          <DatePicker
            data-testid="kpi-from"
            allowClear={false}
            value={dayjs(from)}
            disabledDate={(d) => future(d) || d.isAfter(dayjs(to), 'day')}
            onChange={(d) => d && onChange(d.format(DAY), to)}
            style={{ width: '50%' }}
          />
          <DatePicker
            data-testid="kpi-to"
            allowClear={false}
            value={dayjs(to)}
            disabledDate={(d) => future(d) || d.isBefore(dayjs(from), 'day')}
            onChange={(d) => d && onChange(from, d.format(DAY))}
            style={{ width: '50%' }}
          />
        </Space.Compact>
      </Space>
    );
  return (
    <Space.Compact style={{ width: '100%' }}>
      {presets}
      <DatePicker.RangePicker
        data-testid="kpi-range"
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        disabledDate={future}
        onChange={(range) => range?.[0] && range[1] && onChange(range[0].format(DAY), range[1].format(DAY))}
        style={{ flex: 1, minWidth: 0 }}
      />
    </Space.Compact>
  );
}
