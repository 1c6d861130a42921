import type { Permission } from '@anju/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../auth/api.ts';
import { useTodoCounts } from '../api.ts';

interface Todo {
  key: string;
  to: string;
  count: number | undefined;
  loading: boolean;
}

/** One count of work, opening the list it counts. */
function TodoCard({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} sm={12} lg={6}>
      <Link to={todo.to} data-testid={`todo-${todo.key}`}>
        <Card size="small" hoverable loading={todo.loading}>
          <Statistic title={t(`home.todo.${todo.key}`)} value={todo.count ?? '—'} />
        </Card>
      </Link>
    </Col>
  );
}

/** The signed-in user's work for today, each count a link to its filtered list; stacked on a phone, a row on a desktop. */
export function TodoCards() {
  const { t } = useTranslation();
  const { permissions } = useSignedIn();
  const can = (p: Permission) => permissions.includes(p);
  const counts = useTodoCounts(permissions);
  const official = can('incident:read');
  const todos: Todo[] = [];
  const add = (key: string, to: string, q: { isPending: boolean }, count: number | undefined) =>
    todos.push({ key, to, count, loading: q.isPending });
  const { incidents } = counts;
  if (can('incident:handle')) add('toAccept', '/incidents?tab=toAccept', incidents, incidents.data?.toAccept);
  if (official) add('overdue', '/incidents?tab=overdue', incidents, incidents.data?.overdue);
  if (counts.visitsDue.isEnabled) add('visitsDue', '/visits', counts.visitsDue, counts.visitsDue.data);
  if (counts.leads.isEnabled) add('leads', '/monitoring/leads', counts.leads, counts.leads.data);
  if (counts.cases.isEnabled) add('cases', '/monitoring/cases?mine=true', counts.cases, counts.cases.data);
  if (can('incident:supervise')) add('inHand', '/incidents?tab=inHand', incidents, incidents.data?.inHand);
  if (counts.myReports.isEnabled)
    add('myReports', '/incidents/mine', counts.myReports, counts.myReports.data);
  const links = [
    can('incident:report') && !official && ['report', '/incidents/new'],
    can('monitoring:declare') && ['declare', '/monitoring/declare'],
    official && ['kpi', '/incidents/kpi'],
    can('monitoring:read') && ['monitoringOverview', '/monitoring/overview'],
  ].filter((l): l is [string, string] => !!l);
  if (!todos.length && !links.length) return null;
  return (
    <Card title={t('home.todo.title')} data-testid="todo">
      <Row gutter={[12, 12]}>
        {todos.map((todo) => (
          <TodoCard key={todo.key} todo={todo} />
        ))}
        {links.map(([key, to]) => (
          <Col key={key} xs={24} sm={12} lg={6}>
            <Link to={to} data-testid={`home-link-${key}`}>
              <Card size="small" hoverable>
                {t(`home.todo.${key}`)}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
