CREATE TABLE "company_lists" (
	"company_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	CONSTRAINT "company_lists_company_id_list_id_pk" PRIMARY KEY("company_id","list_id")
);
--> statement-breakpoint
CREATE TABLE "lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company_lists" ADD CONSTRAINT "company_lists_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_lists" ADD CONSTRAINT "company_lists_list_id_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_lists_list_idx" ON "company_lists" USING btree ("list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lists_name_key_key" ON "lists" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "companies_archived_name_idx" ON "companies" USING btree ("archived","name_key");--> statement-breakpoint
CREATE INDEX "exposures_layer_idx" ON "exposures" USING btree ("layer_key","company_id");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_name_length" CHECK (length("companies"."name") between 1 and 200);