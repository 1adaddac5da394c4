CREATE TYPE "public"."profile_scope" AS ENUM('all', 'revenue', 'capex', 'operating_income');--> statement-breakpoint
CREATE TABLE "exposure_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"scope" "profile_scope" NOT NULL,
	"from_year" integer,
	CONSTRAINT "exposure_profiles_key" UNIQUE NULLS NOT DISTINCT("company_id","scope","from_year"),
	CONSTRAINT "exposure_profiles_not_base" CHECK (not ("exposure_profiles"."scope" = 'all' and "exposure_profiles"."from_year" is null)),
	CONSTRAINT "exposure_profiles_from_year" CHECK ("exposure_profiles"."from_year" is null or "exposure_profiles"."from_year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "profile_exposures" (
	"profile_id" uuid NOT NULL,
	"layer_key" text NOT NULL,
	"share" numeric NOT NULL,
	"sub_layer" text,
	CONSTRAINT "profile_exposures_profile_id_layer_key_pk" PRIMARY KEY("profile_id","layer_key"),
	CONSTRAINT "profile_exposures_share_range" CHECK ("profile_exposures"."share" > 0 and "profile_exposures"."share" <= 1),
	CONSTRAINT "profile_exposures_share_scale" CHECK (scale("profile_exposures"."share") <= 20)
);
--> statement-breakpoint
ALTER TABLE "exposure_profiles" ADD CONSTRAINT "exposure_profiles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_exposures" ADD CONSTRAINT "profile_exposures_profile_id_exposure_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."exposure_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_exposures" ADD CONSTRAINT "profile_exposures_layer_key_layers_key_fk" FOREIGN KEY ("layer_key") REFERENCES "public"."layers"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_exposures_layer_idx" ON "profile_exposures" USING btree ("layer_key","profile_id");--> statement-breakpoint
-- Today's exposures stay where they are: they are each company's base profile (`all`, from the beginning). Profile
-- writes change analytics answers, so they bump the data version like every other table the answers read (0009).
CREATE TRIGGER "exposure_profiles_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exposure_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
--> statement-breakpoint
CREATE TRIGGER "profile_exposures_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "profile_exposures" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
