import { RELATIONS, type HouseholdDetail, type LifeEvent, type LifeEventInput } from '@anju/contracts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../auth/api.ts';
import { useHouseholds, useLifeEvent } from '../api.ts';
import { checkIdNumber, isStale, useCodes } from '../codes.ts';
import { useFieldErrors } from '../../../ui/errors.ts';
import { DwellingPicker } from './DwellingPicker.tsx';
import { MemberFields, NEW_MEMBER, toPersonInput, type MemberValues } from './MemberFields.tsx';
import { SaveError } from '../../../ui/ErrorAlert.tsx';

interface Values {
  date: Dayjs;
  note?: string;
  person?: MemberValues;
  personId?: string;
  personIds?: string[];
  dwellingId?: string;
  otherHouseholdId?: string;
}

const NEW_PERSON: LifeEvent[] = ['birth', 'move_in'];
const ONE_MEMBER: LifeEvent[] = ['death', 'move_out', 'marriage'];

interface Props {
  household: HouseholdDetail;
  event: LifeEvent;
  onClose(): void;
  onReload(): void;
}

/** Another household to merge into this one, found by head name or household number. */
function HouseholdSelect({
  value,
  onChange,
  exclude,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  exclude: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useHouseholds({ q: q.trim() || undefined }, undefined, 1, 20);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder={t('registry.households.search')}
      data-testid="event-other-household"
      options={(found.data?.items ?? [])
        .filter((h) => h.id !== exclude)
        .map((h) => ({ value: h.id, label: `${h.headName} · ${h.householdNo} · ${h.dwelling?.name ?? ''}` }))}
    />
  );
}

/** One life event of a household, sent with the household's version; a stale version offers a reload. */
export function LifeEventModal({ household, event, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const codes = useCodes();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Values>();
  const apply = useLifeEvent(household.id);
  const [left, setLeft] = useState<string[]>([]);
  const living = household.members.filter((m) => m.status === 'living');
  const memberOptions = living.map((m) => ({
    value: m.id,
    label: `${m.name}（${codes.label('relation', m.relation)}）`,
  }));
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];

  const submit = (v: Values) => {
    const body: LifeEventInput = {
      event,
      date: v.date.format('YYYY-MM-DD'),
      note: v.note?.trim() || undefined,
      version: household.version,
    };
    if (NEW_PERSON.includes(event) && v.person) body.person = toPersonInput(v.person);
    if (ONE_MEMBER.includes(event)) body.personId = v.personId;
    if (event === 'split') body.personIds = v.personIds;
    if (event === 'split' || event === 'change_dwelling') body.dwellingId = v.dwellingId;
    if (event === 'merge') body.otherHouseholdId = v.otherHouseholdId;
    setLeft([]);
    apply.mutate(body, {
      onSuccess: () => (message.success(t('registry.events.done')), onClose()),
      onError: (e) => setLeft(fieldErrors(form, e).lines),
    });
  };

  return (
    <Modal
      open
      width={NEW_PERSON.includes(event) ? 860 : 520}
      title={t(`codes.event.${event}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: isStale(apply.error) }}
      confirmLoading={apply.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <SaveError error={apply.error} onReload={onReload} left={left} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          // a birth happens on the birth date the new ID number holds
          const r = event === 'birth' ? checkIdNumber(changed.person?.idNumber) : null;
          if (r?.ok) form.setFieldValue('date', dayjs(r.birthDate));
        }}
        initialValues={{
          date: dayjs(),
          person: {
            ...NEW_MEMBER,
            relation: event === 'birth' ? 'child' : undefined,
            hukouPlaceId: undefined,
          },
        }}
      >
        <Form.Item name="date" label={t('registry.events.date')} rules={required(t('registry.events.date'))}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {NEW_PERSON.includes(event) && (
          <MemberFields
            path={['person']}
            relations={RELATIONS.filter((r) => r !== 'head')}
            withHealth={me.permissions.includes('person:health')}
            testId="event-person"
          />
        )}
        {ONE_MEMBER.includes(event) && (
          <Form.Item
            name="personId"
            label={t('registry.events.member')}
            rules={required(t('registry.events.member'))}
          >
            <Select options={memberOptions} data-testid="event-member" />
          </Form.Item>
        )}
        {event === 'split' && (
          <Form.Item
            name="personIds"
            label={t('registry.events.leaving')}
            rules={required(t('registry.events.leaving'))}
          >
            <Select mode="multiple" options={memberOptions} data-testid="event-members" />
          </Form.Item>
        )}
        {(event === 'split' || event === 'change_dwelling') && (
          <Form.Item
            name="dwellingId"
            label={t(event === 'split' ? 'registry.events.newDwelling' : 'registry.household.dwelling')}
            rules={required(t('registry.household.dwelling'))}
          >
            <DwellingPicker testId="event-dwelling" />
          </Form.Item>
        )}
        {event === 'merge' && (
          <Form.Item
            name="otherHouseholdId"
            label={t('registry.events.mergeFrom')}
            rules={required(t('registry.events.mergeFrom'))}
          >
            <HouseholdSelect exclude={household.id} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('registry.events.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
