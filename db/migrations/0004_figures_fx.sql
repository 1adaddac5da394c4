CREATE TYPE "public"."figure_kind" AS ENUM('reported', 'estimate');--> statement-breakpoint
CREATE TYPE "public"."metric" AS ENUM('revenue', 'capex', 'operating_income');--> statement-breakpoint
CREATE TABLE "figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"fiscal_quarter" smallint,
	"metric" "metric" NOT NULL,
	"kind" "figure_kind" NOT NULL,
	"value" numeric NOT NULL,
	"currency" text NOT NULL,
	"source" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figures_fiscal_year_range" CHECK ("figures"."fiscal_year" between 1990 and 2100),
	CONSTRAINT "figures_quarter_range" CHECK ("figures"."fiscal_quarter" is null or "figures"."fiscal_quarter" between 1 and 4),
	CONSTRAINT "figures_non_negative" CHECK ("figures"."metric" = 'operating_income' or "figures"."value" >= 0),
	CONSTRAINT "figures_value_scale" CHECK (scale("figures"."value") <= 6),
	CONSTRAINT "figures_currency_iso" CHECK ("figures"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "figures_source_length" CHECK ("figures"."source" is null or length("figures"."source") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"currency" text NOT NULL,
	"year" smallint NOT NULL,
	"usd_per_unit" numeric NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_currency_year_pk" PRIMARY KEY("currency","year"),
	CONSTRAINT "fx_rates_positive" CHECK ("fx_rates"."usd_per_unit" > 0),
	CONSTRAINT "fx_rates_currency_iso" CHECK ("fx_rates"."currency" ~ '^[A-Z]{3}$' and "fx_rates"."currency" <> 'USD'),
	CONSTRAINT "fx_rates_year_range" CHECK ("fx_rates"."year" between 1990 and 2100)
);
--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "figures_natural_key" ON "figures" USING btree ("company_id","fiscal_year",coalesce("fiscal_quarter", 0),"metric","kind");--> statement-breakpoint
CREATE INDEX "figures_year_metric_idx" ON "figures" USING btree ("fiscal_year","metric");