-- start_level: 0 grid, 1 community, 2 township, 3 county (小事不出网格、大事不出社区、难事不出乡镇)
INSERT INTO incident_categories (code, name_zh, name_en, accept_hours, deadline_hours, start_level, auto_escalate, sort) VALUES
  ('neighbour_dispute', '邻里纠纷', 'Neighbour dispute', 2, 72, 0, true, 10),
  ('environment_sanitation', '环境卫生', 'Environment and sanitation', 4, 48, 0, true, 20),
  ('property_repair', '房屋及公共设施维修', 'Housing and facility repair', 4, 120, 0, true, 30),
  ('water_power_supply', '水电气供应', 'Water, power and gas supply', 2, 24, 1, true, 40),
  ('public_security', '治安隐患', 'Public security risk', 1, 24, 1, true, 50),
  ('safety_hazard', '安全隐患', 'Safety hazard', 1, 24, 1, true, 60),
  ('employment_help', '就业求助', 'Help finding work', 8, 168, 1, true, 70),
  ('social_assistance', '社会救助与低保', 'Social assistance and dibao', 8, 240, 1, true, 80),
  ('medical_insurance', '医疗保障', 'Medical insurance', 8, 240, 2, true, 90),
  ('schooling', '子女入学', 'Schooling', 8, 240, 2, true, 100),
  ('hukou_transfer', '户籍与证照办理', 'Hukou and certificates', 8, 240, 2, true, 110),
  ('origin_land_rights', '原籍土地林地权益', 'Origin land and forest rights', 24, 360, 2, true, 120),
  ('policy_consultation', '政策咨询', 'Policy consultation', 4, 72, 0, true, 130),
  ('other', '其他诉求', 'Other requests', 8, 168, 0, true, 900);
--> statement-breakpoint
CREATE FUNCTION append_only_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER incident_steps_no_update BEFORE UPDATE OR DELETE ON incident_steps
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
