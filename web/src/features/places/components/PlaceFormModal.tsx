import { CHILD_LEVELS, SITE_KINDS, type Place, type SiteKind } from '@anju/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useRules } from '../../../ui/rules.ts';
import { useCreatePlace, useRenamePlace } from '../api.ts';

interface Values {
  level?: 'community' | 'grid' | 'building' | 'dwelling';
  name: string;
  code?: string;
  siteKind?: SiteKind;
}

/** Adds a place under `place` (mode add) or renames `place` (mode rename). */
export function PlaceFormModal({
  place,
  mode,
  onClose,
}: {
  place: Place;
  mode: 'add' | 'rename';
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlace();
  const rename = useRenamePlace();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const rules = useRules();
  const levels = CHILD_LEVELS[place.level] ?? [];
  const mutation = mode === 'add' ? create : rename;
  const level = Form.useWatch('level', form);
  const isCommunity = mode === 'add' ? level === 'community' : place.level === 'community';

  const submit = (v: Values) => {
    const done = {
      onSuccess: () => (message.success(t(mode === 'add' ? 'places.created' : 'places.renamed')), onClose()),
      onError: (e: unknown) => fieldErrors(form, e),
    };
    // a community's kind of site picks the household norm its grids are measured against
    const kind = v.siteKind ? { resettlementType: v.siteKind } : undefined;
    if (mode === 'add')
      create.mutate(
        { parentId: place.id, level: v.level!, name: v.name, code: v.code || undefined, attributes: kind },
        done,
      );
    else
      rename.mutate(
        {
          id: place.id,
          name: v.name,
          attributes: kind && { ...place.attributes, ...kind },
          version: place.version,
        },
        done,
      );
  };

  return (
    <Modal
      open
      title={`${t(mode === 'add' ? 'places.add' : 'places.rename')} · ${place.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(mutation.error)}
          style={{ marginBottom: 16 }}
          data-testid="place-form-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          mode === 'add'
            ? { level: levels[0], name: '' }
            : { name: place.name, siteKind: place.attributes.resettlementType }
        }
      >
        {mode === 'add' && (
          <Form.Item
            name="level"
            label={t('places.level')}
            rules={[{ required: true, message: t('reasons.required') }]}
          >
            <Select options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('places.name')}
          rules={[rules.required(t('places.name')), { max: 100 }]}
        >
          <Input data-testid="place-form-name" />
        </Form.Item>
        {mode === 'add' && (
          <Form.Item
            name="code"
            label={t('places.code')}
            extra={t('places.codeHint')}
            rules={[{ pattern: /^[0-9A-Za-z-]{1,32}$/, message: t('places.codeHint') }]}
          >
            <Input />
          </Form.Item>
        )}
        {isCommunity && (
          <Form.Item name="siteKind" label={t('places.siteKind')}>
            <Select
              data-testid="place-form-site-kind"
              options={SITE_KINDS.map((k) => ({ value: k, label: t(`grids.siteKind.${k}`) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
