import { App, type ButtonProps, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { usePersons } from '../../registry/api.ts';
import { POST_END_REASONS, useHolding, type Holding, type PostDetail } from '../api.ts';

/** Finds a person of the post's community in the labour force by name. */
function HolderPicker({
  under,
  value,
  onChange,
}: {
  under: string;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q.trim());
  const found = usePersons({ q: deferred || undefined }, under, 1, 20);
  const options = (found.data?.items ?? [])
    // the labour force: living, of working age (16–59 for men, 16–54 for women), able to work
    .filter(
      (p) =>
        p.status === 'living' &&
        p.labourCapacity !== 'none' &&
        p.age >= 16 &&
        p.age < (p.sex === 'female' ? 55 : 60),
    )
    .map((p) => ({
      value: p.id,
      label: `${p.name} · ${t('employment.posts.age', { age: p.age })} · ${p.idNumber}`,
    }));
  return (
    <Select
      data-testid="holder-person"
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={value}
      onChange={onChange}
      placeholder={t('employment.posts.holderSearch')}
      loading={found.isFetching}
      notFoundContent={null}
      options={options}
    />
  );
}

interface AssignValues {
  personId: string;
  startOn: Dayjs;
}

/** Puts a holder on a vacant post; their employment record is made with it. */
export function AssignModal({ post, onClose }: { post: PostDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const holding = useHolding();
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();
  const submit = (v: AssignValues) =>
    holding.mutate(
      {
        assign: {
          postId: post.id,
          body: { personId: v.personId, startOn: v.startOn.format('YYYY-MM-DD'), version: post.version },
        },
      },
      {
        onSuccess: () => (message.success(t('employment.posts.assigned')), onClose()),
        onError: (e) => {
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  const start = dayjs().isBefore(post.termStart) ? dayjs(post.termStart) : dayjs();
  return (
    <Modal
      open
      title={t('employment.posts.assign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: holding.isPending, 'data-testid': 'assign-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<AssignValues> form={form} layout="vertical" onFinish={submit} initialValues={{ startOn: start }}>
        <Form.Item
          name="personId"
          label={t('employment.posts.holder')}
          extra={t('employment.posts.holderHelp')}
          rules={[{ required: true, message: t('common.required', { field: t('employment.posts.holder') }) }]}
        >
          <HolderPicker under={post.placeId} />
        </Form.Item>
        <Form.Item name="startOn" label={t('employment.posts.startOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="assign-start" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EndValues {
  endOn: Dayjs;
  reason: string;
}

/** Ends a holding with the day and reason; the holder's employment record ends with it. */
export function EndHoldingModal({ holding: held, onClose }: { holding: Holding; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EndValues>();
  const holding = useHolding();
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();
  const suggested = held.shouldExit.includes('deceased')
    ? 'deceased'
    : held.shouldExit.includes('moved_out')
      ? 'moved_out'
      : held.shouldExit.includes('other_job')
        ? 'found_other_work'
        : undefined;
  const submit = (v: EndValues) =>
    holding.mutate(
      {
        end: {
          holdingId: held.id,
          body: {
            endOn: v.endOn.format('YYYY-MM-DD'),
            reason: v.reason as (typeof POST_END_REASONS)[number],
            version: held.version,
          },
        },
      },
      {
        onSuccess: () => (message.success(t('employment.posts.ended')), onClose()),
        onError: (e) => {
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  return (
    <Modal
      open
      title={t('employment.posts.end', { name: held.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: holding.isPending, danger: true, 'data-testid': 'end-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<EndValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ endOn: dayjs(), reason: suggested }}
      >
        <Form.Item name="endOn" label={t('employment.posts.endOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('employment.posts.endReason')}
          rules={[
            { required: true, message: t('common.required', { field: t('employment.posts.endReason') }) },
          ]}
        >
          <Select
            data-testid="end-reason"
            options={POST_END_REASONS.map((r) => ({
              value: r,
              label: t(`employment.posts.endReasons.${r}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
