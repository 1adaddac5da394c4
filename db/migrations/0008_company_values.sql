CREATE TYPE "public"."value_basis" AS ENUM('calendar', 'fiscal');--> statement-breakpoint
CREATE TYPE "public"."missing_code" AS ENUM('no_figure', 'no_fx_rate');--> statement-breakpoint
CREATE TABLE "company_values" (
	"company_id" uuid NOT NULL,
	"metric" "metric" NOT NULL,
	"basis" "value_basis" NOT NULL,
	"year" smallint NOT NULL,
	"numerator" numeric,
	"estimated" boolean DEFAULT false NOT NULL,
	"code" "missing_code",
	"reason" text,
	"excl_numerator" numeric,
	"excl_code" "missing_code",
	"excl_reason" text,
	CONSTRAINT "company_values_metric_basis_year_company_id_pk" PRIMARY KEY("metric","basis","year","company_id"),
	CONSTRAINT "company_values_value_or_reason" CHECK (("company_values"."numerator" is null) = ("company_values"."code" is not null)),
	CONSTRAINT "company_values_reason" CHECK (("company_values"."code" is null) = ("company_values"."reason" is null)),
	CONSTRAINT "company_values_estimated" CHECK (not "company_values"."estimated" or "company_values"."numerator" is not null),
	CONSTRAINT "company_values_excl" CHECK ("company_values"."excl_numerator" is null or "company_values"."excl_code" is null),
	CONSTRAINT "company_values_excl_reason" CHECK (("company_values"."excl_code" is null) = ("company_values"."excl_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "company_values_commits" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_values_queue" (
	"company_id" uuid,
	"currency" text,
	"fx_year" smallint
);
--> statement-breakpoint
CREATE INDEX "company_values_company_idx" ON "company_values" USING btree ("company_id");--> statement-breakpoint
-- company_values is kept by the database, not by calls from the writers. Why triggers (docs/architecture.md,
-- "Materialised company values"): a value depends on figures, FX rates and a company's fiscal year end, and those
-- are written by PUT /api/v1/figures, the figures grid, the three importers, single deletes and restores, the
-- company form and the companies import, the CLI, the demo loader, the benches' bulk inserts, the cascade of a
-- company's permanent deletion, and whatever comes next (a psql fix, a migration). A refresh call in each writer
-- is correct only as long as nobody forgets one; a trigger fires for every statement through every door, in the
-- writer's transaction, and rolls back with it. The triggers below only queue what changed (on figures and rates
-- once per statement, so a 5,000-row batch costs one small insert into the queue); one deferred trigger refreshes
-- the whole queue once, when the transaction commits. A transaction therefore reads the values as they were until
-- it commits.
--
-- Every company's value per metric, basis, year and estimates mode (docs/data-contract.md §3–§4), for the companies
-- `ids`, as rows of company_values: the rules of lib/domain/figures (chooseFiscalValue, companyYearValue) in one
-- set-based query on exact numeric, up to the division by 12 (done by the reader, in decimal.js). The reasons use
-- the words of chooseFiscalValue and companyYearValue; the metric labels are METRIC_LABELS
-- (lib/domain/figures/types.ts).
--
-- Which rows: calendar year Y spans fiscal years Y (e months, e the fiscal year end month) and Y + 1 (12 − e
-- months, when e < 12); fiscal year Y is fiscal year Y (12 months). Both are missing "no revenue for FYY" when
-- fiscal year Y has no figure of the metric, whatever Y + 1 holds (docs/data-contract.md §3: the first span
-- without a value names the reason), and the reader makes those up. So there is one calendar and one fiscal row
-- for each company, metric and fiscal year with a figure, and no other.
CREATE FUNCTION company_values_computed(ids uuid[]) RETURNS SETOF company_values LANGUAGE sql STABLE AS $$
  with co as (
    select c.id, c.fiscal_year_end_month::int as e from companies c where c.id = any(ids)
  ),
  -- each fiscal year with a figure: the full years and each quarter, reported and estimate (the natural key is
  -- unique, so each min() sees at most one figure)
  per_year as (
    select f.company_id, co.e, f.metric, f.fiscal_year::int as fiscal_year, min(f.currency) as currency,
      case f.metric when 'operating_income' then 'operating income' else f.metric::text end as label,
      min(f.value) filter (where f.fiscal_quarter is null and f.kind = 'reported') as year_reported,
      min(f.value) filter (where f.fiscal_quarter is null and f.kind = 'estimate') as year_estimate,
      min(f.value) filter (where f.fiscal_quarter = 1 and f.kind = 'reported') as r1,
      min(f.value) filter (where f.fiscal_quarter = 2 and f.kind = 'reported') as r2,
      min(f.value) filter (where f.fiscal_quarter = 3 and f.kind = 'reported') as r3,
      min(f.value) filter (where f.fiscal_quarter = 4 and f.kind = 'reported') as r4,
      min(f.value) filter (where f.fiscal_quarter = 1 and f.kind = 'estimate') as e1,
      min(f.value) filter (where f.fiscal_quarter = 2 and f.kind = 'estimate') as e2,
      min(f.value) filter (where f.fiscal_quarter = 3 and f.kind = 'estimate') as e3,
      min(f.value) filter (where f.fiscal_quarter = 4 and f.kind = 'estimate') as e4
    from figures f join co on co.id = f.company_id
    group by f.company_id, co.e, f.metric, f.fiscal_year
  ),
  -- each quarter reported before estimate
  quarters as (
    select *, coalesce(r1, e1) as q1, coalesce(r2, e2) as q2, coalesce(r3, e3) as q3, coalesce(r4, e4) as q4
    from per_year
  ),
  -- the value with estimates (reported year, estimate year, the four quarters) and without them (reported year,
  -- four reported quarters), and why there is none: the quarters present, or only estimates
  chosen as (
    select company_id, e, metric, fiscal_year, currency, label, value, estimated, excl_value,
      case when value is null then missing end as reason,
      case when excl_value is null then coalesce(missing, 'only estimates of ' || label || ' for FY' || fiscal_year::text) end
        as excl_reason
    from (
      select *,
        coalesce(year_reported, year_estimate, q1 + q2 + q3 + q4) as value,
        year_reported is null
          and (year_estimate is not null or (q1 + q2 + q3 + q4 is not null and (r1 + r2 + r3 + r4) is null)) as estimated,
        coalesce(year_reported, r1 + r2 + r3 + r4) as excl_value,
        case when coalesce(year_reported, year_estimate, q1 + q2 + q3 + q4) is null then
          'no ' || label || ' for FY' || fiscal_year::text || coalesce(' (only ' || nullif(concat_ws(', ',
            case when q1 is not null then 'Q1' end, case when q2 is not null then 'Q2' end,
            case when q3 is not null then 'Q3' end, case when q4 is not null then 'Q4' end), '') || ' of 4 quarters)', '')
        end as missing
      from quarters
    ) included
  ),
  -- each fiscal year with the next one's choice beside it, when the next one has a figure
  paired as (
    select *,
      coalesce(lead(fiscal_year) over w = fiscal_year + 1, false) as has_next,
      lead(currency) over w as next_currency, lead(value) over w as next_value, lead(estimated) over w as next_estimated,
      lead(reason) over w as next_reason, lead(excl_value) over w as next_excl_value,
      lead(excl_reason) over w as next_excl_reason
    from chosen
    window w as (partition by company_id, metric order by fiscal_year)
  ),
  -- one calendar and one fiscal row per fiscal year with a figure: the first span is that fiscal year, the second
  -- (calendar, e < 12) the next, which may have no figure (then `c2` is null); each part converts at its
  -- currency's rate for year Y
  spans as (
    select s.*,
      case when c1 = 'USD' then 1::numeric else r1.usd_per_unit end as rate1,
      case when c2 = 'USD' then 1::numeric else r2.usd_per_unit end as rate2
    from (
      select p.company_id, p.metric, b.basis, p.fiscal_year as year,
        case when b.basis = 'calendar' then p.e else 12 end as m1,
        b.basis = 'calendar' and p.e < 12 as two, 12 - p.e as m2,
        p.currency as c1, p.value as v1, p.estimated as est1, p.reason as reason1, p.excl_value as x1,
        p.excl_reason as xreason1,
        case when p.has_next then p.next_currency end as c2,
        case when p.has_next then p.next_value end as v2,
        case when p.has_next then p.next_estimated end as est2,
        case when p.has_next then p.next_excl_value end as x2,
        case when p.has_next then p.next_reason else 'no ' || p.label || ' for FY' || (p.fiscal_year + 1)::text end as reason2,
        case when p.has_next then p.next_excl_reason else 'no ' || p.label || ' for FY' || (p.fiscal_year + 1)::text end
          as xreason2
      from paired p
      cross join (values ('calendar'::value_basis), ('fiscal'::value_basis)) as b(basis)
    ) s
    left join fx_rates r1 on r1.currency = s.c1 and r1.year = s.year
    left join fx_rates r2 on r2.currency = s.c2 and r2.year = s.year and s.two
    offset 0 -- here and below: each step's columns are computed once, not copied into every expression using them
  ),
  -- missing when a span has no value (the first such span names the reason), else when a part's currency has no
  -- rate for the year; otherwise the numerator Σ value × months × rate
  answers as (
    select company_id, metric, basis, year,
      case when v1 is null then reason1 when two and v2 is null then reason2 end as figure_reason,
      case when v1 is not null and rate1 is null then 'no ' || c1 || ' rate for ' || year::text
        when two and v2 is not null and rate2 is null then 'no ' || c2 || ' rate for ' || year::text end as rate_reason,
      v1 * m1 * rate1 + case when two then v2 * m2 * rate2 else 0 end as numerator,
      est1 or (two and est2) as estimated,
      case when x1 is null then xreason1 when two and x2 is null then xreason2 end as excl_figure_reason,
      case when x1 is not null and rate1 is null then 'no ' || c1 || ' rate for ' || year::text
        when two and x2 is not null and rate2 is null then 'no ' || c2 || ' rate for ' || year::text end as excl_rate_reason,
      x1 * m1 * rate1 + case when two then x2 * m2 * rate2 else 0 end as excl_numerator
    from spans
    offset 0
  ),
  stored as (
    select company_id, metric, basis, year,
      case when figure_reason is null and rate_reason is null then numerator end as numerator,
      figure_reason is null and rate_reason is null and estimated as estimated,
      case when figure_reason is not null then 'no_figure' when rate_reason is not null then 'no_fx_rate' end::missing_code as code,
      coalesce(figure_reason, rate_reason) as reason,
      case when excl_figure_reason is null and excl_rate_reason is null then excl_numerator end as excl_numerator,
      case when excl_figure_reason is not null then 'no_figure' when excl_rate_reason is not null then 'no_fx_rate' end::missing_code
        as excl_code,
      coalesce(excl_figure_reason, excl_rate_reason) as excl_reason
    from answers
    offset 0
  )
  -- the excl_ group only where it differs from the first
  select company_id, metric, basis, year::smallint, numerator, estimated, code, reason,
    case when not same then excl_numerator end, case when not same then excl_code end, case when not same then excl_reason end
  from (
    select *,
      not estimated and excl_numerator is not distinct from numerator and excl_code is not distinct from code
        and excl_reason is not distinct from reason as same
    from stored
    offset 0
  ) compared
$$;
--> statement-breakpoint
-- Recomputes the rows of the companies `ids`. The companies are locked first, in id order: a second refresh of a
-- company waits for the first to commit, and its next statements (each with a fresh snapshot under READ COMMITTED)
-- then read what the first wrote. EXECUTE plans the query with the actual ids (10 or 10,000 companies).
CREATE FUNCTION refresh_company_values(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM companies WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  EXECUTE 'DELETE FROM company_values WHERE company_id = ANY ($1)' USING ids;
  EXECUTE 'INSERT INTO company_values SELECT * FROM company_values_computed($1)' USING ids;
END
$$;
--> statement-breakpoint
-- At the commit of a transaction that queued changes (the deferred trigger below): empties the transaction's
-- queue and refreshes once. Locks, always in this order so two refreshes cannot deadlock each other: the
-- currencies (exclusive for a changed rate, shared for a written figure's currency: a rate change and a figure in
-- that currency for a company it has not seen are never refreshed from each other's old state), then the
-- companies. The companies with figures a changed rate converts are found after the currency locks, so a
-- figure committed meanwhile is among them.
CREATE FUNCTION company_values_refresh_queued() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  figure_currencies text[];
  fx_currencies text[];
  fx_years int[];
  cur text;
BEGIN
  DELETE FROM company_values_commits WHERE txid = NEW.txid;
  WITH drained AS (DELETE FROM company_values_queue RETURNING company_id, currency, fx_year)
  SELECT array_agg(DISTINCT company_id) FILTER (WHERE company_id IS NOT NULL),
    array_agg(DISTINCT currency) FILTER (WHERE company_id IS NOT NULL AND currency IS NOT NULL),
    array_agg(currency ORDER BY currency, fx_year) FILTER (WHERE company_id IS NULL),
    array_agg(fx_year::int ORDER BY currency, fx_year) FILTER (WHERE company_id IS NULL)
  INTO ids, figure_currencies, fx_currencies, fx_years
  FROM drained;
  FOR cur IN
    SELECT DISTINCT c FROM unnest(coalesce(fx_currencies, '{}') || coalesce(figure_currencies, '{}')) AS c ORDER BY c
  LOOP
    IF cur = ANY (fx_currencies) THEN
      PERFORM pg_advisory_xact_lock(1397506892, hashtext(cur));
    ELSE
      PERFORM pg_advisory_xact_lock_shared(1397506892, hashtext(cur));
    END IF;
  END LOOP;
  IF fx_currencies IS NOT NULL THEN
    ids := array(
      SELECT unnest(coalesce(ids, '{}'))
      UNION
      SELECT f.company_id FROM figures f
      JOIN unnest(fx_currencies, fx_years) AS r(currency, year)
        ON f.currency = r.currency AND f.fiscal_year IN (r.year, r.year + 1)
    );
  END IF;
  PERFORM refresh_company_values(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER company_values_refresh_at_commit AFTER INSERT ON company_values_commits
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION company_values_refresh_queued();
--> statement-breakpoint
-- The statement triggers: what a statement changed goes to the queue (once per statement, whatever its size),
-- and the transaction is marked for its refresh at commit.
CREATE FUNCTION company_values_mark_transaction() RETURNS void LANGUAGE sql AS $$
  INSERT INTO company_values_commits VALUES (txid_current()) ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
-- A figure's company, and its currency for the shared lock (USD has no rate to wait for). An update counts only
-- when something a value depends on changed (not the source or the note).
CREATE FUNCTION company_values_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO company_values_queue (company_id, currency)
      SELECT DISTINCT company_id, nullif(currency, 'USD') FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO company_values_queue (company_id) SELECT DISTINCT company_id FROM old_rows;
  ELSE
    INSERT INTO company_values_queue (company_id, currency)
      SELECT DISTINCT company_id, nullif(currency, 'USD') FROM (
        SELECT company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency FROM new_rows
        EXCEPT ALL
        SELECT company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency FROM old_rows
      ) added
      UNION
      SELECT DISTINCT company_id, NULL FROM (
        SELECT company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency FROM old_rows
        EXCEPT ALL
        SELECT company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency FROM new_rows
      ) removed;
  END IF;
  IF FOUND THEN
    PERFORM company_values_mark_transaction();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION company_values_fx_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO company_values_queue (currency, fx_year) SELECT currency, year FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO company_values_queue (currency, fx_year) SELECT currency, year FROM old_rows;
  ELSE
    INSERT INTO company_values_queue (currency, fx_year)
      SELECT currency, year FROM (
        (SELECT currency, year, usd_per_unit FROM new_rows EXCEPT SELECT currency, year, usd_per_unit FROM old_rows)
        UNION
        (SELECT currency, year, usd_per_unit FROM old_rows EXCEPT SELECT currency, year, usd_per_unit FROM new_rows)
      ) changed;
  END IF;
  IF FOUND THEN
    PERFORM company_values_mark_transaction();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A company's values depend on its fiscal year end (and its figures); a new company has none yet. The update
-- trigger is a row trigger whose WHEN clause the server checks without calling a function: the companies import
-- and the bulk actions update one row per statement, and only a changed year end is worth a call. A deleted
-- company's rows go at once (its figures' cascade queues it too, and the refresh then finds nothing).
CREATE FUNCTION company_values_company_year_end_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO company_values_queue (company_id) VALUES (NEW.id);
  PERFORM company_values_mark_transaction();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION company_values_companies_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM company_values WHERE company_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- TRUNCATE has no transition table: emptying figures or companies empties the values; emptying the rates
-- refreshes every company with a figure in another currency than USD.
CREATE FUNCTION company_values_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'fx_rates' THEN
    PERFORM refresh_company_values(array(SELECT DISTINCT company_id FROM figures WHERE currency <> 'USD'));
  ELSE
    DELETE FROM company_values;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER company_values_figures_insert AFTER INSERT ON figures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_figures_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_figures_update AFTER UPDATE ON figures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_figures_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_figures_delete AFTER DELETE ON figures REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_figures_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_figures_truncate AFTER TRUNCATE ON figures
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_truncated();
--> statement-breakpoint
CREATE TRIGGER company_values_fx_insert AFTER INSERT ON fx_rates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_fx_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_fx_update AFTER UPDATE ON fx_rates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_fx_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_fx_delete AFTER DELETE ON fx_rates REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_fx_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_fx_truncate AFTER TRUNCATE ON fx_rates
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_truncated();
--> statement-breakpoint
CREATE TRIGGER company_values_companies_update AFTER UPDATE ON companies FOR EACH ROW
  WHEN (OLD.fiscal_year_end_month IS DISTINCT FROM NEW.fiscal_year_end_month)
  EXECUTE FUNCTION company_values_company_year_end_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_companies_delete AFTER DELETE ON companies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_companies_deleted();
--> statement-breakpoint
CREATE TRIGGER company_values_companies_truncate AFTER TRUNCATE ON companies
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_truncated();
--> statement-breakpoint
-- The values of the data already stored.
SELECT refresh_company_values(array(SELECT id FROM companies));
