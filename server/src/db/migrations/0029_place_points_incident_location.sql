ALTER TABLE "places" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "places" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "location_kind" varchar(16);