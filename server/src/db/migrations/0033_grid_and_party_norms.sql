ALTER TABLE "governance_norms" ADD COLUMN "source_zh" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "governance_norms" ADD COLUMN "source_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "party_levels" ADD COLUMN "kind" varchar(16) DEFAULT 'branch' NOT NULL;--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "probationary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
DELETE FROM governance_norms WHERE code IN ('grid_households_min', 'grid_households_max');
--> statement-breakpoint
INSERT INTO governance_norms (code, value, label_zh, label_en, source_zh, source_en) VALUES
  ('grid_households_min.urban', 300, '城镇安置社区网格户数下限', 'Fewest households a grid of an urban site should have',
   '城市社区按 300—500 户划分一个网格，各地网格化服务管理划分标准通行的户数（如海口市《关于做好2020年度海口市城乡网格调整和划分工作的通知》）',
   'An urban community has one grid for every 300–500 households, the figure common to local grid-management standards (e.g. Haikou''s 2020 notice on adjusting urban and rural grids)'),
  ('grid_households_max.urban', 500, '城镇安置社区网格户数上限', 'Most households a grid of an urban site should have',
   '城市社区按 300—500 户划分一个网格，各地网格化服务管理划分标准通行的户数（如海口市《关于做好2020年度海口市城乡网格调整和划分工作的通知》）',
   'An urban community has one grid for every 300–500 households, the figure common to local grid-management standards (e.g. Haikou''s 2020 notice on adjusting urban and rural grids)'),
  ('grid_households_min.town', 300, '集镇安置社区网格户数下限', 'Fewest households a grid of a township-town site should have',
   '集镇安置社区为楼房小区，参照城市社区 300—500 户一格（本系统默认，县可调整）',
   'A township-town site is built as blocks of flats and follows the urban 300–500 households (Anju''s default; a county may change it)'),
  ('grid_households_max.town', 500, '集镇安置社区网格户数上限', 'Most households a grid of a township-town site should have',
   '集镇安置社区为楼房小区，参照城市社区 300—500 户一格（本系统默认，县可调整）',
   'A township-town site is built as blocks of flats and follows the urban 300–500 households (Anju''s default; a county may change it)'),
  ('grid_households_min.village', 0, '乡村安置点网格户数下限', 'Fewest households a grid of a rural site should have',
   '农村以自然村或村民小组为单位划分网格，不设户数下限',
   'In the countryside a grid is a natural village or villagers'' group, however small'),
  ('grid_households_max.village', 300, '乡村安置点网格户数上限', 'Most households a grid of a rural site should have',
   '农村以自然村或村民小组为单位划分网格；超过 300 户的网格多已跨过一个村民小组（本系统默认，县可调整）',
   'In the countryside a grid is a natural village or villagers'' group; one of more than 300 households most likely spans more than one group (Anju''s default; a county may change it)'),
  ('party_full_members_min', 3, '党组织正式党员下限', 'Fewest full members a party organization needs',
   '《中国共产党章程》第三十条：有正式党员三人以上的，都应当成立党的基层组织；《中国共产党支部工作条例（试行）》：正式党员不足3人的，可与邻近单位成立联合党支部',
   'Party Constitution, art. 30: a primary organization is formed wherever there are three or more full members; Regulations on Party Branch Work (trial): with fewer than three full members, a joint branch is formed with a neighbouring unit'),
  ('party_branch_members_max', 50, '党支部党员人数上限', 'Most members a party branch should have',
   '《中国共产党支部工作条例（试行）》：党支部党员人数一般不超过50名；《中国共产党农村基层组织工作条例》：党员人数超过50名的，可以成立党的总支部委员会',
   'Regulations on Party Branch Work (trial): a branch generally has no more than 50 members; Regulations on Rural Primary Organizations: with more than 50 members a general branch may be set up'),
  ('party_committee_members_min', 100, '基层党委党员人数下限', 'Members from which a primary party committee may be set up',
   '《中国共产党农村基层组织工作条例》：党员人数100名以上的，根据工作需要，经县级地方党委批准，可以成立党的基层委员会',
   'Regulations on Rural Primary Organizations: with 100 or more members, a primary committee may be set up with the approval of the county party committee');
--> statement-breakpoint
UPDATE party_levels SET kind = CASE place_level
  WHEN 'township' THEN 'committee'
  WHEN 'community' THEN 'committee'
  WHEN 'building' THEN 'group'
  WHEN 'dwelling' THEN 'household'
  ELSE 'branch' END;
