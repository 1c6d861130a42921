import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Post } from '../api.ts';

/** A post's holder by name with why they should exit, or that it is vacant. */
export function HolderState({ post }: { post: Post }) {
  const { t } = useTranslation();
  if (!post.holder) return <Tag data-testid="post-vacant">{t('employment.posts.vacant')}</Tag>;
  return (
    <Space size={4} wrap>
      <Typography.Text>{post.holder.name}</Typography.Text>
      {post.holder.shouldExit.map((r) => (
        <Tag key={r} color="red" data-testid="should-exit">
          {t(`employment.posts.shouldExit.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}
