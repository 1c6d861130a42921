import { EVALUATION_GRADES, type ServiceProjectDetail } from '@anju/contracts';
import { DatePicker, Form, Input, InputNumber, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { useNeeds, useProjectWrite, useReportProgress } from '../api.ts';

/** Which of a project's forms is open. */
export type ProjectForm = 'report' | 'milestone' | 'served' | 'complaint' | 'evaluation';

interface Props {
  project: ServiceProjectDetail;
  form: ProjectForm;
  onClose(): void;
}

/** A progress report with its spending (held to the budget by the server) and photos. */
function ReportForm({ project, onClose }: Omit<Props, 'form'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string; spent?: number; milestoneId?: string }>();
  const [photos, setPhotos] = useState<File[]>([]);
  const report = useReportProgress(project.id);
  const rules = useRules();
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.projects.saved'), stale: t('services.projects.stale') },
    onClose,
  );
  const left = project.budget - project.spent;
  return (
    <FormModal
      title={t('services.projects.report')}
      form={form}
      saving={report.isPending}
      saveTestId="report-save"
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          report.mutate(
            { body: { note: v.note, spent: v.spent ?? 0, milestoneId: v.milestoneId ?? null }, photos },
            outcome,
          )
        }
      >
        <Form.Item
          name="note"
          label={t('services.projects.note')}
          rules={[rules.required(t('services.projects.note'))]}
        >
          <Input.TextArea maxLength={2000} rows={3} data-testid="report-note" />
        </Form.Item>
        <Form.Item
          name="spent"
          label={t('services.projects.spent')}
          extra={t('services.projects.budgetLeft', { left })}
        >
          <InputNumber
            min={0}
            precision={0}
            addonAfter={t('services.projects.yuan')}
            data-testid="report-spent"
          />
        </Form.Item>
        <Form.Item name="milestoneId" label={t('services.projects.milestone')}>
          <Select allowClear options={project.milestones.map((m) => ({ value: m.id, label: m.title }))} />
        </Form.Item>
        <Form.Item label={t('services.projects.photos')}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            listType="picture"
            multiple
            beforeUpload={(file) => (setPhotos((p) => [...p, file]), false)}
            onRemove={(file) => setPhotos((p) => p.filter((f) => f.name !== file.name))}
          >
            <a data-testid="report-photos">{t('services.projects.addPhotos')}</a>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface Fields {
  title?: string;
  dueOn?: Dayjs;
  needIds?: string[];
  summary?: string;
  grade?: string;
  evaluation?: string;
}

/** The small forms of a project: a milestone, people served from needs, a complaint, the final evaluation. */
export function ProjectForms({ project, form: which, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const write = useProjectWrite(project.id);
  const rules = useRules();
  const needs = useNeeds({ page: 1, pageSize: 100, category: project.category as never });
  const outcome = useSaveOutcome(
    form,
    { saved: t('services.projects.saved'), stale: t('services.projects.stale') },
    onClose,
  );
  if (which === 'report') return <ReportForm project={project} onClose={onClose} />;
  const label = (key: string) => t(`services.projects.${key}`);
  const required = (key: string) => [rules.required(label(key))];
  const submit = (v: Fields) => {
    const body = {
      milestone: { title: v.title, dueOn: v.dueOn?.format('YYYY-MM-DD') },
      served: { needIds: v.needIds ?? [] },
      complaint: { summary: v.summary },
      evaluation: { grade: v.grade, evaluation: v.evaluation, version: project.version },
    }[which];
    const path = {
      milestone: 'milestones',
      served: 'served',
      complaint: 'complaints',
      evaluation: 'evaluation',
    }[which];
    write.mutate({ path, body }, outcome);
  };
  return (
    <FormModal
      title={label(`forms.${which}`)}
      form={form}
      saving={write.isPending}
      saveTestId="project-form-save"
      onClose={onClose}
    >
      <Form<Fields> form={form} layout="vertical" onFinish={submit}>
        {which === 'milestone' && (
          <>
            <Form.Item name="title" label={label('milestoneTitle')} rules={required('milestoneTitle')}>
              <Input maxLength={128} />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={label('dueOn')}
              rules={[{ required: true, message: t('common.required', { field: label('dueOn') }) }]}
            >
              <DatePicker />
            </Form.Item>
          </>
        )}
        {which === 'served' && (
          <Form.Item
            name="needIds"
            label={label('needs')}
            extra={label('needsHelp')}
            rules={required('needs')}
          >
            <Select
              mode="multiple"
              loading={needs.isLoading}
              options={(needs.data?.items ?? []).map((n) => ({
                value: n.id,
                label: `${n.summary} · ${n.personName ?? ''}`,
              }))}
              data-testid="served-needs"
            />
          </Form.Item>
        )}
        {which === 'complaint' && (
          <Form.Item name="summary" label={label('complaint')} rules={required('complaint')}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        )}
        {which === 'evaluation' && (
          <>
            <Form.Item name="grade" label={label('grade')} rules={required('grade')}>
              <Select
                options={EVALUATION_GRADES.map((g) => ({
                  value: g,
                  label: t(`services.projects.grades.${g}`),
                }))}
                data-testid="evaluation-grade"
              />
            </Form.Item>
            <Form.Item name="evaluation" label={label('evaluation')} rules={required('evaluation')}>
              <Input.TextArea maxLength={2000} rows={3} data-testid="evaluation-text" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
