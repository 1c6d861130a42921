import { App, Button, Select, Space, Tag, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';

interface Props {
  people: { id: string; name: string }[];
  /** The ids being picked, or null while the people are only shown. */
  editing: string[] | null;
  onEditingChange(ids: string[] | null): void;
  canWrite: boolean;
  options: { value: string; label: string }[];
  loading: boolean;
  save: { isPending: boolean; error: unknown };
  onSave(ids: string[], onSaved: () => void): void;
  texts: { empty: string; edit: string };
  testId: string;
  selectProps?: Pick<SelectProps, 'notFoundContent'>;
}

/** People holding a post, as tags; for those who may change them, a picker among the candidates saved in one go. */
export function PeoplePicker({
  people,
  editing,
  onEditingChange,
  canWrite,
  options,
  loading,
  save,
  onSave,
  texts,
  testId,
  selectProps,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (editing === null)
    return (
      <Space wrap>
        {people.length ? people.map((p) => <Tag key={p.id}>{p.name}</Tag>) : texts.empty}
        {canWrite && (
          <Button
            size="small"
            onClick={() => onEditingChange(people.map((p) => p.id))}
            data-testid={`${testId}-edit`}
          >
            {texts.edit}
          </Button>
        )}
      </Space>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={save.error} />
      <Select
        mode="multiple"
        data-testid={`${testId}-select`}
        style={{ width: '100%' }}
        loading={loading}
        value={editing}
        onChange={onEditingChange}
        options={options}
        optionFilterProp="label"
        {...selectProps}
      />
      <Space>
        <Button
          type="primary"
          size="small"
          loading={save.isPending}
          onClick={() =>
            onSave(editing, () => {
              message.success(t('grids.saved'));
              onEditingChange(null);
            })
          }
        >
          {t('common.save')}
        </Button>
        <Button size="small" onClick={() => onEditingChange(null)}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Space>
  );
}
