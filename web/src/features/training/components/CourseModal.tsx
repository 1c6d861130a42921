import type { PlaceLevel } from '@anju/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal, useSaveOutcome } from '../../../ui/FormModal.tsx';
import { useRules } from '../../../ui/rules.ts';
import { PlaceSelect } from '../../places/index.ts';
import { useSaveCourse, useTrainingKinds, type Course } from '../api.ts';

interface Values {
  title: string;
  provider: string;
  kind: string;
  placeId?: string;
  startOn: Dayjs;
  endOn: Dayjs;
  hours: number;
  capacity: number;
}

/** The levels a course is offered on. */
const LEVELS: PlaceLevel[] = ['county', 'township', 'community'];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Offers a course or changes one from the version read. */
export function CourseModal({
  course,
  place,
  onClose,
}: {
  course?: Course;
  place?: { id: string; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveCourse();
  const kinds = useTrainingKinds();
  const rules = useRules();
  const need = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const outcome = useSaveOutcome(form, { saved: t('training.saved'), stale: t('training.stale') }, onClose);

  const submit = (v: Values) => {
    const fields = {
      title: v.title,
      provider: v.provider,
      kind: v.kind,
      startOn: day(v.startOn),
      endOn: day(v.endOn),
      hours: v.hours,
      capacity: v.capacity,
    };
    save.mutate(
      course
        ? { id: course.id, body: { ...fields, version: course.version } }
        : { body: { ...fields, placeId: v.placeId! } },
      outcome,
    );
  };

  return (
    <FormModal
      title={course ? t('training.edit') : t('training.add')}
      form={form}
      saving={save.isPending}
      saveTestId="course-save"
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: course?.title ?? '',
          provider: course?.provider ?? '',
          kind: course?.kind ?? 'vocational_skills',
          placeId: course?.placeId ?? place?.id,
          startOn: course ? dayjs(course.startOn) : dayjs().subtract(30, 'day'),
          endOn: course ? dayjs(course.endOn) : dayjs(),
          hours: course?.hours ?? 40,
          capacity: course?.capacity ?? 30,
        }}
      >
        <Form.Item
          name="title"
          label={t('training.fields.title')}
          rules={[rules.required(t('training.fields.title'))]}
        >
          <Input maxLength={128} data-testid="course-title" />
        </Form.Item>
        <Form.Item
          name="provider"
          label={t('training.fields.provider')}
          rules={[rules.required(t('training.fields.provider'))]}
        >
          <Input maxLength={128} data-testid="course-provider" />
        </Form.Item>
        <Form.Item name="kind" label={t('training.fields.kind')}>
          <Select options={kinds.options} data-testid="course-kind" />
        </Form.Item>
        {!course && (
          <Form.Item
            name="placeId"
            label={t('training.fields.place')}
            rules={[rules.required(t('training.fields.place'))]}
          >
            <PlaceSelect levels={LEVELS} initial={place} testId="course-place" />
          </Form.Item>
        )}
        <Form.Item
          name="startOn"
          label={t('training.fields.startOn')}
          rules={[need(t('training.fields.startOn'))]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="course-start" />
        </Form.Item>
        <Form.Item name="endOn" label={t('training.fields.endOn')} rules={[need(t('training.fields.endOn'))]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="course-end" />
        </Form.Item>
        <Form.Item name="hours" label={t('training.fields.hours')} rules={[need(t('training.fields.hours'))]}>
          <InputNumber
            min={1}
            max={2000}
            precision={0}
            style={{ width: '100%' }}
            data-testid="course-hours"
          />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('training.fields.capacity')}
          rules={[need(t('training.fields.capacity'))]}
        >
          <InputNumber
            min={1}
            max={10000}
            precision={0}
            style={{ width: '100%' }}
            data-testid="course-capacity"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
