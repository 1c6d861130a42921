import { TODO_KEYS, type Permission, type TodoKey } from '@anju/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { useTodo } from '../api.ts';

/** The filtered list each count opens. */
const LIST: Record<TodoKey, string> = {
  toAccept: '/incidents?tab=toAccept',
  overdue: '/incidents?tab=overdue',
  visitsDue: '/visits',
  leads: '/monitoring/leads',
  cases: '/monitoring/cases?mine=true',
  zeroEmployment: '/employment/zero',
  inHand: '/incidents?tab=inHand',
  myReports: '/incidents/mine',
};

/** One count of work, opening the list it counts. */
function TodoCard({ todo, count }: { todo: TodoKey; count: number }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} sm={12} lg={6}>
      <Link to={LIST[todo]} data-testid={`todo-${todo}`}>
        <Card size="small" hoverable>
          <Statistic title={t(`home.todo.${todo}`)} value={count} />
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
  const todo = useTodo();
  const official = can('incident:read');
  const counts = todo.data ?? {};
  const todos = TODO_KEYS.filter((key) => counts[key] !== undefined);
  const links = [
    can('incident:report') && !official && ['report', '/incidents/new'],
    can('monitoring:declare') && ['declare', '/monitoring/declare'],
    official && ['kpi', '/incidents/kpi'],
    can('monitoring:read') && ['monitoringOverview', '/monitoring/overview'],
  ].filter((l): l is [string, string] => !!l);
  if (todo.isSuccess && !todos.length && !links.length) return null;
  return (
    <Card title={t('home.todo.title')} data-testid="todo" loading={todo.isPending}>
      {todo.error ? <ErrorAlert error={todo.error} /> : null}
      <Row gutter={[12, 12]}>
        {todos.map((key) => (
          <TodoCard key={key} todo={key} count={counts[key]!} />
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
