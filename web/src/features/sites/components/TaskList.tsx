import { List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupportTask } from '../api.ts';

/** Tasks of a plan: area, title, owner, deadline, progress and evidence; late ones marked. */
export function TaskList({ tasks, onOpen }: { tasks: SupportTask[]; onOpen?: (task: SupportTask) => void }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={tasks}
      locale={{ emptyText: t('sites.plan.none') }}
      renderItem={(x) => (
        <List.Item
          key={x.id}
          data-testid="task"
          onClick={onOpen && (() => onOpen(x))}
          style={onOpen ? { cursor: 'pointer' } : undefined}
        >
          <div style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Tag color="blue">{t(`sites.area.${x.area}`)}</Tag>
              <Typography.Text strong>{x.title}</Typography.Text>
              {x.late && <Tag color="red">{t('sites.plan.late')}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t('sites.plan.line', { owner: x.owner, dueOn: x.dueOn, goal: x.goal })}
              </Typography.Text>
            </div>
            <Progress percent={x.progress} size="small" status={x.late ? 'exception' : undefined} />
            {x.evidence && (
              <Typography.Text type="secondary">
                {t('sites.plan.evidenceShown', { evidence: x.evidence })}
              </Typography.Text>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
