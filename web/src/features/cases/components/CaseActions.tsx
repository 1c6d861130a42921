import {
  BASIC_NEEDS,
  VERIFICATION_ITEMS,
  type CaseAction,
  type CaseAct,
  type CaseDetail,
} from '@anju/contracts';
import { App, Alert, Button, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../ui/api.ts';
import { useErrorText, useFieldErrors, useReasonText } from '../../../ui/errors.ts';
import { useCaseAct, useDictionary } from '../api.ts';
import { ActionFields, initialValues, REASON_REQUIRED, type ActValues } from './ActionFields.tsx';

const DAY_FORMAT = 'YYYY-MM-DD';

/** The request an action's form makes. */
function bodyOf(action: CaseAction, v: ActValues): Omit<CaseAct, 'version'> {
  const flags = <K extends string>(keys: readonly K[], from?: Record<string, boolean>) =>
    Object.fromEntries(keys.map((k) => [k, !!from?.[k]])) as Record<K, boolean>;
  const body: Omit<CaseAct, 'version'> = { action, reason: v.reason?.trim() || undefined };
  if (action === 'verify' && v.verification) {
    const { consent, note, ...rest } = v.verification;
    body.verification = {
      ...rest,
      items: flags(VERIFICATION_ITEMS, rest.items),
      note: note ?? '',
      consent: { ...consent, signedOn: consent.signedOn.format(DAY_FORMAT) },
    };
  }
  if (action === 'compare')
    body.comparison = {
      hits: flags(Object.keys(v.comparison?.hits ?? {}), v.comparison?.hits),
      note: v.comparison?.note ?? '',
    };
  if (action === 'publish_notice') {
    body.noticeFrom = v.noticeFrom?.format(DAY_FORMAT);
    if (v.review)
      body.review = {
        ...v.review,
        heldOn: v.review.heldOn.format(DAY_FORMAT),
        votesFor: v.review.votesFor ?? null,
        note: v.review.note ?? '',
      };
  }
  if (action === 'record_national_entry') body.nationalEntryOn = v.nationalEntryOn?.format(DAY_FORMAT);
  if (action === 'propose_elimination') body.basicNeeds = flags(BASIC_NEEDS, v.basicNeeds);
  return body;
}

/** The buttons of the actions the server allows the caller now, each opening its form. */
export function CaseActions({ detail, onReload }: { detail: CaseDetail; onReload(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ActValues>();
  const [action, setAction] = useState<CaseAction>();
  const [problems, setProblems] = useState<string[]>([]);
  const [actedFirst, setActedFirst] = useState(false);
  const act = useCaseAct(detail);
  const items = useDictionary('comparison_item');
  const label = (a: CaseAction) =>
    a === 'approve'
      ? t(`cases.approveAt.${detail.step}`, { defaultValue: t('cases.action.approve') })
      : a === 'publish_notice' && detail.noticeFrom
        ? t('cases.action.republish_notice')
        : t(`cases.action.${a}`);

  const reasonText = useReasonText();
  const fieldErrors = useFieldErrors();
  /** Why the case's state refused the action (not now, notice still running, another live case…). */
  const refusal = (reason = '') => {
    if (!reason) return t('cases.refusal.other');
    const other = /^already case (\d+)$/.exec(reason);
    if (other) return t('cases.refusal.already_case', { id: other[1] });
    return t(`cases.refusal.${reason}`, { defaultValue: t('cases.refusal.other') });
  };

  const open = (a: CaseAction) => {
    setProblems([]);
    setActedFirst(false);
    setAction(a);
  };

  /** Puts the server's reasons under the fields they name; what names no field is listed above the form. */
  const show = (error: unknown) => {
    if (!(error instanceof ApiError)) return setProblems([errorText(error)]);
    const first = error.details[0];
    if (error.code === 'conflict' && first?.field === 'version') {
      setAction(undefined);
      setActedFirst(true);
      return;
    }
    if (error.code === 'conflict' || error.code === 'forbidden') return setProblems([refusal(first?.reason)]);
    const { shown, left } = fieldErrors(form, error);
    const lines = left.map((d) => {
      const criterion = /^criteria\.(\w+)$/.exec(d.field)?.[1];
      return criterion
        ? t('cases.criteria.unmet', { name: t(`cases.criteria.${criterion}.name`) })
        : `${d.field}: ${reasonText(d)}`;
    });
    setProblems(lines.length || shown ? lines : [errorText(error)]);
  };

  const submit = (v: ActValues) => {
    if (!action) return;
    setProblems([]);
    act.mutate(bodyOf(action, v), {
      onSuccess: () => {
        void message.success(t('cases.act.done', { action: label(action) }));
        setAction(undefined);
      },
      onError: show,
    });
  };

  return (
    <>
      {actedFirst && (
        <Alert
          type="warning"
          showIcon
          data-testid="case-acted-first"
          title={t('cases.act.actedFirst')}
          action={
            <Button size="small" onClick={() => (setActedFirst(false), onReload())} data-testid="case-reload">
              {t('common.reload')}
            </Button>
          }
          style={{ marginTop: 16 }}
        />
      )}
      {detail.actions.length > 0 && (
        <Space wrap data-testid="case-actions" style={{ marginTop: 16 }}>
          {detail.actions.map((a, i) => (
            <Button
              key={a}
              type={i === 0 && !REASON_REQUIRED.includes(a) ? 'primary' : 'default'}
              danger={REASON_REQUIRED.includes(a)}
              onClick={() => open(a)}
              data-testid={`case-act-${a}`}
            >
              {label(a)}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={!!action}
        title={action && label(action)}
        okText={t('cases.act.submit')}
        okButtonProps={{ 'data-testid': 'case-act-submit' }}
        confirmLoading={act.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAction(undefined)}
        destroyOnHidden
      >
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="case-act-error"
            title={problems.length === 1 ? problems[0] : t('cases.act.refused')}
            description={problems.length > 1 ? problems.map((p) => <div key={p}>{p}</div>) : undefined}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form
          key={action}
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            action &&
            initialValues(
              action,
              detail.headName,
              items.options.map((o) => o.value),
            )
          }
          scrollToFirstError
        >
          {action && <ActionFields action={action} noticeDays={detail.policy.noticeDays} />}
        </Form>
      </Modal>
    </>
  );
}
