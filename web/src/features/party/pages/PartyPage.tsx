import { Card, Col, Empty, Row, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorView } from '../../../ui/ErrorView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useSignedIn } from '../../auth/api.ts';
import { CommunityPicker } from '../../places/index.ts';
import { usePlace } from '../../places/api.ts';
import { useCare, useLevels, usePartyTree } from '../api.ts';
import { CareView } from '../components/CareView.tsx';
import { LevelsSettings } from '../components/LevelsSettings.tsx';
import { AddOrg } from '../components/AddOrg.tsx';
import { OrgPanel } from '../components/OrgPanel.tsx';
import { OrgTree } from '../components/OrgTree.tsx';

/** The party organization of a community bound to its places, who looks after whom, and the party levels. */
export function PartyPage() {
  const { t } = useTranslation();
  const { communityId } = useParams();
  const navigate = useNavigate();
  const me = useSignedIn();
  const canWrite = me.permissions.includes('party:write');
  // the levels are one list for every county: set from a scope over a whole province
  const setsLevels = me.permissions.includes('party:levels') && me.scopes.some((s) => s.level === 'province');
  const community = usePlace(communityId);
  const levels = useLevels();
  const tree = usePartyTree(communityId);
  const care = useCare(communityId);
  const [selectedId, setSelectedId] = useState<string>();
  const orgs = tree.data ?? [];
  const selected = orgs.find((o) => o.id === selectedId);
  const top = levels.data?.find((l) => l.placeLevel === 'community');

  const organisation = (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10}>
        <Card size="small">
          {orgs.length ? (
            <OrgTree orgs={orgs} selectedId={selectedId} onSelect={setSelectedId} />
          ) : (
            <Empty description={t('party.noOrgs')}>
              {canWrite && top && communityId && community.data && (
                <AddOrg
                  parent={{ placeId: communityId, only: community.data }}
                  next={top}
                  orgs={orgs}
                  onCreated={setSelectedId}
                />
              )}
            </Empty>
          )}
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card size="small" title={selected?.name ?? t('party.pickOrg')}>
          {selected && levels.data ? (
            <OrgPanel
              key={selected.id}
              org={selected}
              orgs={orgs}
              levels={levels.data}
              care={care.data}
              canWrite={canWrite}
              onSelect={setSelectedId}
            />
          ) : (
            <Empty description={t('party.pickOrg')} />
          )}
        </Card>
      </Col>
    </Row>
  );

  const error = tree.error ?? care.error ?? levels.error;
  return (
    <>
      <PageHeader
        title={t('party.title')}
        extra={
          <CommunityPicker
            value={communityId}
            onChange={(id) => navigate(`/party/${id}`, { replace: !communityId })}
          />
        }
      />
      {!communityId ? (
        <Empty description={t('grids.pickCommunity')} />
      ) : error ? (
        <ErrorView error={error} />
      ) : !tree.data || !care.data || !levels.data ? (
        <Spin />
      ) : (
        <Tabs
          items={[
            { key: 'orgs', label: t('party.tabs.orgs'), children: organisation },
            {
              key: 'care',
              label: <span data-testid="tab-care">{t('party.tabs.care')}</span>,
              children: (
                <CareView care={care.data} communityName={community.data?.name ?? ''} canWrite={canWrite} />
              ),
            },
            {
              key: 'levels',
              label: t('party.tabs.levels'),
              children: <LevelsSettings levels={levels.data} canWrite={setsLevels} />,
            },
          ]}
        />
      )}
    </>
  );
}
