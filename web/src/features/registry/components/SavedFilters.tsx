import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.ts';
import { useDeleteFilter, useSaveFilter, useSavedFilters } from '../api.ts';

interface Props {
  list: 'persons' | 'households';
  current: Record<string, string>;
  onApply(params: Record<string, string>): void;
}

/** The user's saved filters of a list: save the current one under a name, apply one, delete one. */
export function SavedFilters({ list, current, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const filters = useSavedFilters(list);
  const save = useSaveFilter(list);
  const remove = useDeleteFilter(list);
  const [selected, setSelected] = useState<string>();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const submit = () =>
    save.mutate(
      { name: name.trim(), params: current },
      {
        onSuccess: (f) => {
          setNaming(false);
          setName('');
          setSelected(f.id);
          message.success(t('registry.saved.savedAs', { name: f.name }));
        },
        onError: (e) => message.error(errorText(e)),
      },
    );

  return (
    <Space wrap>
      <Select
        allowClear
        placeholder={t('registry.saved.apply')}
        style={{ width: 180 }}
        value={selected}
        loading={filters.isPending}
        options={(filters.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
        onChange={(id?: string) => {
          setSelected(id);
          const f = filters.data?.find((x) => x.id === id);
          if (f) onApply(f.params);
        }}
        data-testid="saved-filter-select"
      />
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="saved-filter-save">
        {t('registry.saved.save')}
      </Button>
      {selected && (
        <Popconfirm
          title={t('registry.saved.confirmDelete')}
          onConfirm={() =>
            remove.mutate(selected, {
              onSuccess: () => setSelected(undefined),
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          <Button danger icon={<DeleteOutlined />} data-testid="saved-filter-delete">
            {t('registry.saved.delete')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={naming}
        title={t('registry.saved.save')}
        onCancel={() => setNaming(false)}
        onOk={submit}
        okButtonProps={{ disabled: !name.trim() }}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={64}
          value={name}
          placeholder={t('registry.saved.name')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && submit()}
          data-testid="saved-filter-name"
        />
      </Modal>
    </Space>
  );
}
