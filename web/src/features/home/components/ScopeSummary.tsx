import type { PlaceSummary } from '@anju/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../auth/api.ts';
import { useChildrenOfEach } from '../../places/api.ts';

function countByLevel(children: PlaceSummary[]) {
  const counts = new Map<string, number>();
  for (const c of children) counts.set(c.level, (counts.get(c.level) ?? 0) + 1);
  return [...counts];
}

/** For each scope root: how many places of each level lie directly below it. */
export function ScopeSummary() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const roots = me.scopes.slice(0, 6);
  const children = useChildrenOfEach(roots.map((r) => r.id));
  return (
    <Card title={t('home.summary')} data-testid="scope-summary">
      <Row gutter={[16, 16]}>
        {roots.map((root, i) => (
          <Col key={root.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              title={<Link to={`/places/${root.id}`}>{root.name}</Link>}
              loading={children[i].isPending}
            >
              <Row gutter={16}>
                {countByLevel(children[i].data ?? []).map(([level, count]) => (
                  <Col key={level} span={12}>
                    <Statistic
                      title={`${t('home.directChildren')} · ${t(`levels.${level}`)}`}
                      value={count}
                    />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
