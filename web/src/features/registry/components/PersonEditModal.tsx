import {
  EDUCATION_LEVELS,
  HEALTH_STATUSES,
  LABOUR_CAPACITIES,
  RELATIONS,
  type Person,
  type PersonUpdate,
} from '@anju/contracts';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { useRules } from '../../../ui/rules.ts';
import { useUpdatePerson } from '../api.ts';
import { isStale, useCodes } from '../codes.ts';
import { PlaceSelect } from '../../places/index.ts';

type Values = Omit<PersonUpdate, 'version' | 'education'> & { education?: PersonUpdate['education'] | null };

interface Props {
  person: Person;
  onClose(): void;
  /** Loads the person again after a 409, so the form starts from what the other user saved. */
  onReload(): void;
}

/** Edits a person; the server's field reasons show under the fields, a stale version offers a reload. */
export function PersonEditModal({ person, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodes();
  const rules = useRules();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePerson(person.id);
  const withHealth = person.health !== undefined;

  const submit = (v: Values) => {
    const body: PersonUpdate = {
      name: v.name,
      relation: v.relation,
      ethnicity: v.ethnicity,
      education: v.education ?? undefined,
      labourCapacity: v.labourCapacity,
      tags: v.tags ?? [],
      partyMember: v.partyMember,
      version: person.version,
    };
    if (v.phone?.trim()) body.phone = v.phone.trim();
    if (v.hukouPlaceId && v.hukouPlaceId !== person.hukou.id) body.hukouPlaceId = v.hukouPlaceId;
    if (withHealth) {
      body.health = v.health;
      body.disabilityGrade = v.health === 'disabled' ? (v.disabilityGrade ?? null) : null;
    }
    update.mutate(body, {
      onSuccess: () => (message.success(t('registry.person.saved')), onClose()),
      onError: (e) => fieldErrors(form, e),
    });
  };

  const stale = isStale(update.error);
  return (
    <Modal
      open
      title={t('registry.person.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: stale }}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {update.error && (
        <Alert
          type="error"
          showIcon
          data-testid="person-edit-error"
          title={stale ? t('registry.stale') : errorText(update.error)}
          action={
            stale && (
              <Button size="small" onClick={onReload} data-testid="person-reload">
                {t('common.reload')}
              </Button>
            )
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...person, phone: '', hukouPlaceId: person.hukou.id }}
      >
        <Form.Item
          name="name"
          label={t('registry.person.name')}
          rules={[rules.required(t('registry.person.name'))]}
        >
          <Input maxLength={32} data-testid="edit-name" />
        </Form.Item>
        <Form.Item name="relation" label={t('registry.person.relation')}>
          <Select options={codes.options('relation', RELATIONS)} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('registry.person.ethnicity')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={codes.ethnicOptions} />
        </Form.Item>
        <Form.Item name="phone" label={t('registry.person.phone')} extra={t('registry.person.phoneKeep')}>
          <Input placeholder={person.phone ?? ''} maxLength={20} data-testid="edit-phone" />
        </Form.Item>
        <Form.Item name="education" label={t('registry.person.education')}>
          <Select allowClear options={codes.options('education', EDUCATION_LEVELS)} />
        </Form.Item>
        {withHealth && (
          <Form.Item name="health" label={t('registry.person.health')}>
            <Select options={codes.options('health', HEALTH_STATUSES)} />
          </Form.Item>
        )}
        <Form.Item noStyle dependencies={['health']}>
          {({ getFieldValue }) =>
            withHealth &&
            getFieldValue('health') === 'disabled' && (
              <Form.Item name="disabilityGrade" label={t('registry.person.disabilityGrade')}>
                <InputNumber min={1} max={4} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="labourCapacity" label={t('registry.person.labourCapacity')}>
          <Select options={codes.options('labour', LABOUR_CAPACITIES)} data-testid="edit-labour" />
        </Form.Item>
        <Form.Item name="tags" label={t('registry.person.tags')}>
          <Select mode="multiple" allowClear options={codes.tagOptions} />
        </Form.Item>
        <Form.Item name="partyMember" label={t('registry.person.partyMember')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="hukouPlaceId" label={t('registry.person.hukou')}>
          <PlaceSelect levels={['village', 'community']} initial={person.hukou} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
