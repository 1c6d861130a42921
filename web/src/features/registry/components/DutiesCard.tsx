import { App, Button, Card, Form, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useErrorText } from '../../../ui/errors.ts';
import { useDuties, useSetDuties, type Duty } from '../api.ts';
import { useCodes } from '../codes.ts';

const SIDES = ['residence', 'hukou'] as const;
type Values = Record<(typeof SIDES)[number], string[]>;

/** Who is responsible for what on each side of the dual jurisdiction (visits, benefit payments, …). */
export function DutiesCard({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const codes = useCodes();
  const duties = useDuties(personId);
  const save = useSetDuties(personId);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!duties.data) return;
    form.setFieldsValue({
      residence: duties.data.filter((d) => d.side === 'residence').map((d) => d.duty),
      hukou: duties.data.filter((d) => d.side === 'hukou').map((d) => d.duty),
    });
  }, [duties.data, form]);
  const submit = (v: Values) => {
    const body: Duty[] = SIDES.flatMap((side) => (v[side] ?? []).map((duty) => ({ duty, side })));
    save.mutate(body, {
      onSuccess: () => message.success(t('registry.duties.saved')),
      onError: (e) => message.error(errorText(e)),
    });
  };
  return (
    <Card title={t('registry.duties.title')} size="small" data-testid="duties">
      {duties.error ? (
        <ErrorView error={duties.error} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} disabled={!canEdit}>
          {SIDES.map((side) => (
            <Form.Item key={side} name={side} label={t(`registry.duties.${side}`)}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('registry.duties.none')}
                options={codes.dutyOptions}
                data-testid={`duties-${side}`}
              />
            </Form.Item>
          ))}
          {canEdit && (
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="duties-save">
                {t('common.save')}
              </Button>
            </Space>
          )}
        </Form>
      )}
    </Card>
  );
}
