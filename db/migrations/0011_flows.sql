CREATE TABLE "flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payer_id" uuid NOT NULL,
	"payer_layer" text NOT NULL,
	"payee_id" uuid NOT NULL,
	"payee_layer" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" "figure_kind" NOT NULL,
	"value" numeric NOT NULL,
	"currency" text NOT NULL,
	"source" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flows_payer_not_payee" CHECK ("flows"."payer_id" <> "flows"."payee_id"),
	CONSTRAINT "flows_year_range" CHECK ("flows"."year" between 1990 and 2100),
	CONSTRAINT "flows_non_negative" CHECK ("flows"."value" >= 0),
	CONSTRAINT "flows_value_scale" CHECK (scale("flows"."value") <= 6),
	CONSTRAINT "flows_value_bound" CHECK ("flows"."value" < 1000000000000),
	CONSTRAINT "flows_currency_iso" CHECK ("flows"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "flows_source_length" CHECK ("flows"."source" is null or length("flows"."source") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_payer_id_companies_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_payer_layer_layers_key_fk" FOREIGN KEY ("payer_layer") REFERENCES "public"."layers"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_payee_id_companies_id_fk" FOREIGN KEY ("payee_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_payee_layer_layers_key_fk" FOREIGN KEY ("payee_layer") REFERENCES "public"."layers"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "flows_natural_key" ON "flows" USING btree ("payer_id","payer_layer","payee_id","payee_layer","year","kind");--> statement-breakpoint
CREATE INDEX "flows_year_idx" ON "flows" USING btree ("year");--> statement-breakpoint
CREATE INDEX "flows_payee_idx" ON "flows" USING btree ("payee_id","year");--> statement-breakpoint
-- Flows change the answer of /analytics/flows: a write to them bumps the data version like a figure's (migration 0009).
CREATE TRIGGER "flows_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "flows" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
