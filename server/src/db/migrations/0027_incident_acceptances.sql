CREATE TABLE "incident_acceptances" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_acceptances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"incident_id" bigint NOT NULL,
	"level" smallint NOT NULL,
	"place_id" bigint,
	"department_id" bigint,
	"due_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "incident_acceptances" ADD CONSTRAINT "incident_acceptances_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_acceptances" ADD CONSTRAINT "incident_acceptances_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_acceptances" ADD CONSTRAINT "incident_acceptances_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_acceptances_incident_idx" ON "incident_acceptances" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incident_acceptances_department_idx" ON "incident_acceptances" USING btree ("department_id");