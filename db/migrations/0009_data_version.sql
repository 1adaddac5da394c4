CREATE TABLE "data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK ("data_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "data_version_pending" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The data version (docs/architecture.md, "The data version and the analytics cache"): one row, bumped once by
-- every committed transaction that wrote a table an analytics answer reads. A write statement only notes its
-- transaction in data_version_pending (no lock anyone else waits for); the deferred trigger on that note bumps the
-- version at COMMIT, after every other lock the writer takes. A trigger that updated the version row when the
-- statement ran would hold that row until commit while its transaction went on to wait for other writers' rows:
-- deadlocks (lib/api/data-version-writes.test.ts). A rollback removes the note, and the bump with it.
INSERT INTO "data_version" ("id", "version", "changed_at") VALUES (1, 1, now());
--> statement-breakpoint
CREATE FUNCTION "data_version_note_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "data_version_pending" ("txid") VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1, "changed_at" = greatest("changed_at", clock_timestamp()) WHERE "id" = 1;
  DELETE FROM "data_version_pending" WHERE "txid" = NEW."txid";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "data_version_bump" AFTER INSERT ON "data_version_pending" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "companies_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "companies" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
--> statement-breakpoint
CREATE TRIGGER "exposures_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exposures" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
--> statement-breakpoint
CREATE TRIGGER "lists_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lists" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
--> statement-breakpoint
CREATE TRIGGER "company_lists_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "company_lists" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
--> statement-breakpoint
CREATE TRIGGER "figures_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "figures" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
--> statement-breakpoint
CREATE TRIGGER "fx_rates_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "fx_rates" FOR EACH STATEMENT EXECUTE FUNCTION "data_version_note_write"();
