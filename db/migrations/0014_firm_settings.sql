CREATE TABLE "firm_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"name" text,
	"logo" "bytea",
	"logo_mime" text,
	"logo_width" integer,
	"logo_height" integer,
	"logo_sha256" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_by_label" text NOT NULL,
	CONSTRAINT "firm_settings_one_row" CHECK ("firm_settings"."id"),
	CONSTRAINT "firm_settings_name_length" CHECK ("firm_settings"."name" is null or length("firm_settings"."name") between 1 and 120),
	CONSTRAINT "firm_settings_logo_whole" CHECK (("firm_settings"."logo" is null) = ("firm_settings"."logo_mime" is null) and ("firm_settings"."logo" is null) = ("firm_settings"."logo_width" is null) and ("firm_settings"."logo" is null) = ("firm_settings"."logo_height" is null) and ("firm_settings"."logo" is null) = ("firm_settings"."logo_sha256" is null)),
	CONSTRAINT "firm_settings_logo_mime" CHECK ("firm_settings"."logo_mime" is null or "firm_settings"."logo_mime" in ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
ALTER TABLE "firm_settings" ADD CONSTRAINT "firm_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;