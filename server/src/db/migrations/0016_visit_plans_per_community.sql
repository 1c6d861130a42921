ALTER TABLE "visit_plans" DROP CONSTRAINT "visit_plans_tag_unique";--> statement-breakpoint
ALTER TABLE "visit_plans" ADD COLUMN "community_id" bigint;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD COLUMN "name" varchar(64);--> statement-breakpoint
ALTER TABLE "visit_plans" ADD COLUMN "poverty_status" varchar(16);--> statement-breakpoint
ALTER TABLE "visit_plans" ADD COLUMN "labour_capacity" varchar(8);--> statement-breakpoint
ALTER TABLE "visit_plans" ADD COLUMN "interval_days" smallint;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE "visit_plans" vp
   SET "interval_days" = vp."interval_months" * 30,
       "name" = COALESCE(
         (SELECT d.label_zh FROM dictionary_entries d WHERE d.kind = 'person_tag' AND d.code = vp.tag) ||
           CASE WHEN vp.interval_months = 1 THEN '每月走访' ELSE '定期走访' END,
         CASE WHEN vp.interval_months = 3 THEN '所有户每季度走访' ELSE '所有户定期走访' END);--> statement-breakpoint
INSERT INTO "visit_plans" ("name", "poverty_status", "interval_days", "interval_months") VALUES
  ('监测户每月走访', 'monitored', 30, 1);--> statement-breakpoint
ALTER TABLE "visit_plans" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_plans" ALTER COLUMN "interval_days" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_community_id_places_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_plans_community_idx" ON "visit_plans" USING btree ("community_id");
