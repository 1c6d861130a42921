import { App, Button, Card, Empty, Form, Input, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RecordModal } from '../components/RecordModal.tsx';
import {
  NOT_WORKING_REASONS,
  useHouseholdEmployment,
  useSaveProfile,
  WORK_PREFERENCES,
  type LabourMember,
  type LabourProfile,
} from '../api.ts';

/** Skills and courses a grid worker is most often told; anything else is typed in. */
const SKILLS = ['电工', '焊工', '缝纫', '家政', '厨师', '驾驶', '建筑', '电商', '种植', '养殖'];
const COURSES = ['家政服务', '电工', '焊工', '中式烹调', '电商直播', '育婴员', '养老护理', '驾驶'];

interface Values {
  skills: string[];
  trainingWishes: string[];
  workPreference: LabourProfile['workPreference'];
  notWorkingReason: LabourProfile['notWorkingReason'];
  note?: string;
}

function MemberSurvey({ m }: { m: LabourMember }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveProfile();
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const p = m.profile;
  const submit = (v: Values) =>
    save.mutate(
      {
        personId: m.personId,
        body: {
          ...v,
          note: v.note ?? '',
          notWorkingReason: m.employed ? null : v.notWorkingReason,
          version: p?.version,
        },
      },
      {
        onSuccess: () => message.success(t('employment.survey.saved', { name: m.name })),
        onError: (e) => {
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  const tags = (list: string[]) => list.map((s) => ({ value: s, label: s }));
  return (
    <Card
      size="small"
      data-testid="survey-member"
      title={
        <Space wrap size={4}>
          {m.name}
          <Typography.Text type="secondary">{t('employment.member.age', { age: m.age })}</Typography.Text>
          {m.employed ? (
            <Tag color="green">{t('employment.employed')}</Tag>
          ) : (
            <Tag color="orange">{t('employment.notEmployed')}</Tag>
          )}
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          skills: p?.skills ?? [],
          trainingWishes: p?.trainingWishes ?? [],
          workPreference: p?.workPreference ?? null,
          notWorkingReason: p?.notWorkingReason ?? null,
          note: p?.note ?? '',
        }}
      >
        <Form.Item name="skills" label={t('employment.profile.skills')}>
          <Select mode="tags" options={tags(SKILLS)} maxCount={20} data-testid="survey-skills" />
        </Form.Item>
        <Form.Item name="trainingWishes" label={t('employment.profile.trainingWishes')}>
          <Select mode="tags" options={tags(COURSES)} maxCount={20} data-testid="survey-wishes" />
        </Form.Item>
        <Form.Item name="workPreference" label={t('employment.profile.workPreference')}>
          <Radio.Group optionType="button" data-testid="survey-preference">
            {WORK_PREFERENCES.map((w) => (
              <Radio.Button key={w} value={w}>
                {t(`employment.preferences.${w}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {!m.employed && (
          <Form.Item name="notWorkingReason" label={t('employment.profile.notWorkingReason')}>
            <Select
              allowClear
              data-testid="survey-reason"
              options={NOT_WORKING_REASONS.map((r) => ({ value: r, label: t(`employment.reasons.${r}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('employment.profile.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={save.isPending} data-testid="survey-save">
            {t('common.save')}
          </Button>
          <Button block onClick={() => setAdding(true)} data-testid="survey-record-add">
            {t('employment.record.add')}
          </Button>
        </Space>
      </Form>
      {adding && <RecordModal personId={m.personId} onClose={() => setAdding(false)} />}
    </Card>
  );
}

/** A grid worker's labour survey of one household on a phone: one short form for each member of working age with labour. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { householdId = '' } = useParams();
  const data = useHouseholdEmployment(householdId);
  if (data.error) return <ErrorView error={data.error} />;
  if (!data.data) return <Spin />;
  const labour = data.data.members.filter((m) => m.labourForce);
  return (
    <>
      <PageHeader title={t('employment.survey.title')} />
      <Space direction="vertical" style={{ width: '100%' }}>
        {labour.length === 0 ? (
          <Empty description={t('employment.survey.noLabour')} />
        ) : (
          labour.map((m) => <MemberSurvey key={m.personId} m={m} />)
        )}
      </Space>
    </>
  );
}
