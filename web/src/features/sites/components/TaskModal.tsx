import { DatePicker, Form, Input, Select, Slider } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PLAN_AREAS, useSaveTask, type SupportTask } from '../api.ts';

interface Values {
  area: SupportTask['area'];
  goal: string;
  title: string;
  owner: string;
  dueOn: Dayjs;
  progress: number;
  evidence: string;
}

/** Adds a task to a site's plan of this year, or records a task's progress and evidence. */
export function TaskModal({
  task,
  siteId,
  onClose,
}: {
  task?: SupportTask;
  siteId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveTask();
  const rules = useRules();
  const outcome = useSaveOutcome(form, { saved: t('sites.saved'), stale: t('sites.stale') }, onClose);
  const year = task?.year ?? dayjs().year();
  const submit = (v: Values) => {
    const dueOn = v.dueOn.format('YYYY-MM-DD');
    save.mutate(
      task
        ? {
            id: task.id,
            body: {
              title: v.title,
              owner: v.owner,
              dueOn,
              progress: v.progress,
              evidence: v.evidence,
              version: task.version,
            },
          }
        : { body: { siteId, year, area: v.area, goal: v.goal, title: v.title, owner: v.owner, dueOn } },
      outcome,
    );
  };
  return (
    <FormModal
      title={t(task ? 'sites.plan.edit' : 'sites.plan.add')}
      form={form}
      saving={save.isPending}
      saveTestId="task-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          area: task?.area ?? 'employment',
          goal: task?.goal ?? '',
          title: task?.title ?? '',
          owner: task?.owner ?? '',
          dueOn: task ? dayjs(task.dueOn) : dayjs(`${year}-12-31`),
          progress: task?.progress ?? 0,
          evidence: task?.evidence ?? '',
        }}
      >
        <Form.Item name="area" label={t('sites.plan.area')}>
          <Select
            disabled={!!task}
            options={PLAN_AREAS.map((a) => ({ value: a, label: t(`sites.area.${a}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="goal"
          label={t('sites.plan.goal')}
          rules={task ? [] : [rules.required(t('sites.plan.goal'))]}
        >
          <Input maxLength={200} disabled={!!task} data-testid="task-goal" />
        </Form.Item>
        <Form.Item name="title" label={t('sites.plan.title')} rules={[rules.required(t('sites.plan.title'))]}>
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="owner" label={t('sites.plan.owner')}>
          <Input maxLength={64} data-testid="task-owner" />
        </Form.Item>
        <Form.Item name="dueOn" label={t('sites.plan.dueOn')}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        {task && (
          <>
            <Form.Item name="progress" label={t('sites.plan.progress')}>
              <Slider step={10} />
            </Form.Item>
            <Form.Item name="evidence" label={t('sites.plan.evidence')}>
              <Input.TextArea maxLength={500} rows={2} data-testid="task-evidence" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
