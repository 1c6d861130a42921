ALTER TABLE "incidents" ADD COLUMN "public_feed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "public_description" boolean DEFAULT false NOT NULL;