import { App, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText, useFieldErrors } from '../../../ui/errors.ts';
import { PlaceSelect } from '../../places/index.ts';
import { usePostTypes, useSavePost, type PostDetail } from '../api.ts';

interface Values {
  placeId?: string;
  postType: string;
  title: string;
  termStart: Dayjs;
  termEnd: Dayjs;
  monthlySubsidy: number;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Opens a post on a community (`post` absent) or changes one from the version read. */
export function PostModal({
  post,
  community,
  onClose,
  onSaved,
}: {
  post?: PostDetail;
  community?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (p: PostDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePost();
  const types = usePostTypes();
  const fieldErrors = useFieldErrors();
  const errorText = useErrorText();
  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(field) }),
  });

  const submit = (v: Values) => {
    const fields = {
      postType: v.postType,
      title: v.title,
      termStart: day(v.termStart),
      termEnd: day(v.termEnd),
      monthlySubsidy: v.monthlySubsidy,
    };
    save.mutate(
      {
        id: post?.id,
        body: post ? { ...fields, version: post.version } : { ...fields, placeId: v.placeId! },
      },
      {
        onSuccess: (saved) => (message.success(t('employment.posts.saved')), onSaved?.(saved), onClose()),
        onError: (e) => {
          if (!fieldErrors(form, e).shown) message.error(errorText(e));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t(post ? 'employment.posts.edit' : 'employment.posts.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'post-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          post
            ? { ...post, termStart: dayjs(post.termStart), termEnd: dayjs(post.termEnd) }
            : {
                placeId: community?.id,
                postType: 'cleaning',
                termStart: dayjs().startOf('year'),
                termEnd: dayjs().endOf('year'),
              }
        }
      >
        {!post && (
          <Form.Item
            name="placeId"
            label={t('employment.posts.community')}
            rules={[required('employment.posts.community')]}
          >
            <PlaceSelect levels={['community']} initial={community} testId="post-place" />
          </Form.Item>
        )}
        <Form.Item
          name="postType"
          label={t('employment.posts.type')}
          rules={[required('employment.posts.type')]}
        >
          <Select data-testid="post-type" options={types.options} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('employment.posts.title')}
          rules={[required('employment.posts.title')]}
        >
          <Input maxLength={128} placeholder={t('employment.posts.titleHint')} data-testid="post-title" />
        </Form.Item>
        <Form.Item
          name="termStart"
          label={t('employment.posts.termStart')}
          rules={[required('employment.posts.termStart')]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item
          name="termEnd"
          label={t('employment.posts.termEnd')}
          rules={[required('employment.posts.termEnd')]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item
          name="monthlySubsidy"
          label={t('employment.posts.subsidy')}
          rules={[required('employment.posts.subsidy')]}
        >
          <InputNumber
            min={0}
            max={100_000}
            precision={2}
            style={{ width: '100%' }}
            data-testid="post-subsidy"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
