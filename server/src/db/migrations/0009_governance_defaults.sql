INSERT INTO governance_norms (code, value, label_zh, label_en) VALUES
  ('grid_households_min', 300, '网格户数下限', 'Fewest households a grid should have'),
  ('grid_households_max', 500, '网格户数上限', 'Most households a grid should have'),
  ('linked_households_min', 5, '党员中心户联系户下限', 'Fewest households a party-member household looks after'),
  ('linked_households_max', 15, '党员中心户联系户上限', 'Most households a party-member household looks after');
--> statement-breakpoint
INSERT INTO party_levels (depth, place_level, label_zh, label_en) VALUES
  (1, 'community', '社区党委', 'Community party committee'),
  (2, 'grid', '网格党支部', 'Grid party branch'),
  (3, 'building', '楼栋党小组', 'Building party group'),
  (4, 'dwelling', '党员中心户', 'Party-member household');
--> statement-breakpoint
INSERT INTO visit_plans (tag, interval_months) VALUES
  ('elderly_alone', 1),
  ('left_behind_child', 1),
  ('left_behind_elderly', 1),
  ('severe_mental_disorder', 1),
  (NULL, 3);
--> statement-breakpoint
INSERT INTO dictionary_entries (kind, code, label_zh, label_en, sort) VALUES
  ('visit_kind', 'routine', '日常走访', 'Routine visit', 10),
  ('visit_kind', 'follow_up', '回访跟进', 'Follow-up', 20),
  ('visit_kind', 'vulnerable_care', '困难群体关爱', 'Care for vulnerable people', 30),
  ('visit_kind', 'policy_publicity', '政策宣传', 'Policy publicity', 40),
  ('visit_kind', 'dispute_mediation', '矛盾调解', 'Dispute mediation', 50);
