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
	CONSTRAINT "company_values_company_id_metric_basis_year_pk" PRIMARY KEY("company_id","metric","basis","year"),
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
-- Every company's value per metric, basis, year and estimates mode (docs/data-contract.md §3–§4), for the companies
-- `ids`, as rows of company_values: the rules of lib/domain/figures (chooseFiscalValue, companyYearValue) in
-- one set-based query on exact numeric, up to the division by 12 (done by the reader, in decimal.js). Only the
-- (company, metric, basis, year) whose spans hold a fiscal year with a figure, less those missing with the
-- standard "no revenue for FY2024", which the reader makes up. The reasons use the words of chooseFiscalValue
-- and companyYearValue; the metric labels are METRIC_LABELS (lib/domain/figures/types.ts).
CREATE FUNCTION company_values_computed(ids uuid[]) RETURNS SETOF company_values LANGUAGE sql STABLE AS $$
  with co as (
    select c.id, c.fiscal_year_end_month::int as e from companies c where c.id = any(ids)
  ),
  -- each quarter (0: the full year) of each fiscal year, reported and estimate side by side
  per_quarter as (
    select f.company_id, f.metric, f.fiscal_year::int as fiscal_year, coalesce(f.fiscal_quarter, 0)::int as q,
      min(f.currency) as currency,
      min(f.value) filter (where f.kind = 'reported') as reported,
      min(f.value) filter (where f.kind = 'estimate') as estimate
    from figures f join co on co.id = f.company_id
    group by 1, 2, 3, 4
  ),
  per_year as (
    select company_id, metric, fiscal_year, min(currency) as currency,
      min(reported) filter (where q = 0) as year_reported,
      min(estimate) filter (where q = 0) as year_estimate,
      count(*) filter (where q > 0) as quarters,
      sum(coalesce(reported, estimate)) filter (where q > 0) as quarters_sum,
      bool_or(reported is null) filter (where q > 0) as quarter_estimated,
      count(reported) filter (where q > 0) as quarters_reported,
      sum(reported) filter (where q > 0) as reported_quarters_sum,
      string_agg('Q' || q::text, ', ' order by q) filter (where q > 0) as present
    from per_quarter
    group by 1, 2, 3
  ),
  -- each fiscal year's value with estimates (reported year, estimate year, four quarters) and without them
  -- (reported year, four reported quarters), and why there is none
  chosen as (
    select company_id, metric, fiscal_year, currency, value, estimated, excl_value,
      case when value is null then missing end as reason,
      case when excl_value is null then coalesce(missing, 'only estimates of ' || label || ' for FY' || fiscal_year::text) end
        as excl_reason
    from (
      select *,
        coalesce(year_reported, year_estimate, case when quarters = 4 then quarters_sum end) as value,
        year_reported is null and (year_estimate is not null or (quarters = 4 and quarter_estimated)) as estimated,
        coalesce(year_reported, case when quarters_reported = 4 then reported_quarters_sum end) as excl_value,
        case when coalesce(year_reported, year_estimate, case when quarters = 4 then quarters_sum end) is null
          then 'no ' || label || ' for FY' || fiscal_year::text || coalesce(' (only ' || present || ' of 4 quarters)', '')
        end as missing
      from (
        select *, case metric when 'operating_income' then 'operating income' else metric::text end as label
        from per_year
      ) labelled
    ) included
  ),
  -- the years worth a row: calendar year Y spans fiscal years Y (e months) and Y + 1 (12 - e months, when e < 12);
  -- fiscal year Y is fiscal year Y, 12 months
  cells as (
    select ch.company_id, ch.metric, 'calendar'::value_basis as basis, y.year, co.e
    from chosen ch join co on co.id = ch.company_id
    cross join lateral (values (ch.fiscal_year), (ch.fiscal_year - 1)) as y(year)
    where y.year = ch.fiscal_year or co.e < 12
    union
    select ch.company_id, ch.metric, 'fiscal'::value_basis, ch.fiscal_year, 12 from chosen ch
  ),
  parts as (
    select c.company_id, c.metric, c.basis, c.year, s.ord, s.months, ch.currency, ch.value, ch.estimated, ch.excl_value,
      coalesce(ch.reason, 'no ' || l.label || ' for FY' || s.fiscal_year::text) as reason,
      coalesce(ch.excl_reason, 'no ' || l.label || ' for FY' || s.fiscal_year::text) as excl_reason,
      case when ch.currency = 'USD' then 1::numeric else fx.usd_per_unit end as rate
    from cells c
    cross join lateral (values (c.year, c.e, 1), (c.year + 1, 12 - c.e, 2)) as s(fiscal_year, months, ord)
    cross join lateral (select case c.metric when 'operating_income' then 'operating income' else c.metric::text end as label) l
    left join chosen ch on ch.company_id = c.company_id and ch.metric = c.metric and ch.fiscal_year = s.fiscal_year
    left join fx_rates fx on fx.currency = ch.currency and fx.year = c.year
    where s.months > 0
  ),
  -- a company is missing when a span has no value (the first such span names the reason), else when a part's
  -- currency has no rate for the year; otherwise its numerator is Σ value × months × rate
  per_cell as (
    select company_id, metric, basis, year,
      (array_agg(reason order by ord) filter (where value is null))[1] as figure_reason,
      (array_agg('no ' || currency || ' rate for ' || year::text order by ord) filter (where value is not null and rate is null))[1]
        as rate_reason,
      sum(value * months * rate) as numerator,
      coalesce(bool_or(estimated), false) as estimated,
      (array_agg(excl_reason order by ord) filter (where excl_value is null))[1] as excl_figure_reason,
      (array_agg('no ' || currency || ' rate for ' || year::text order by ord) filter (where excl_value is not null and rate is null))[1]
        as excl_rate_reason,
      sum(excl_value * months * rate) as excl_numerator
    from parts
    group by 1, 2, 3, 4
  ),
  answers as (
    select company_id, metric, basis, year,
      case when figure_reason is null and rate_reason is null then numerator end as numerator,
      figure_reason is null and rate_reason is null and estimated as estimated,
      case when figure_reason is not null then 'no_figure' when rate_reason is not null then 'no_fx_rate' end::missing_code as code,
      coalesce(figure_reason, rate_reason) as reason,
      case when excl_figure_reason is null and excl_rate_reason is null then excl_numerator end as excl_numerator,
      case when excl_figure_reason is not null then 'no_figure' when excl_rate_reason is not null then 'no_fx_rate' end::missing_code
        as excl_code,
      coalesce(excl_figure_reason, excl_rate_reason) as excl_reason
    from per_cell
  ),
  compared as (
    select *,
      not estimated and excl_numerator is not distinct from numerator and excl_code is not distinct from code
        and excl_reason is not distinct from reason as same
    from answers
  )
  select company_id, metric, basis, year::smallint, numerator, estimated, code, reason,
    case when not same then excl_numerator end, case when not same then excl_code end, case when not same then excl_reason end
  from compared
  where not coalesce(same and code = 'no_figure' and reason = 'no '
    || case metric when 'operating_income' then 'operating income' else metric::text end || ' for FY' || year::text, false)
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
-- A company's values depend on its fiscal year end (and its figures); a new company has none yet. A deleted
-- company's rows go at once (its figures' cascade queues it too, and the refresh then finds nothing).
CREATE FUNCTION company_values_companies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM company_values WHERE company_id IN (SELECT id FROM old_rows);
  ELSE
    INSERT INTO company_values_queue (company_id)
      SELECT id FROM (
        SELECT id, fiscal_year_end_month FROM new_rows EXCEPT SELECT id, fiscal_year_end_month FROM old_rows
      ) changed;
    IF FOUND THEN
      PERFORM company_values_mark_transaction();
    END IF;
  END IF;
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
CREATE TRIGGER company_values_companies_update AFTER UPDATE ON companies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_companies_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_companies_delete AFTER DELETE ON companies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_companies_changed();
--> statement-breakpoint
CREATE TRIGGER company_values_companies_truncate AFTER TRUNCATE ON companies
  FOR EACH STATEMENT EXECUTE FUNCTION company_values_truncated();
--> statement-breakpoint
-- The values of the data already stored.
SELECT refresh_company_values(array(SELECT id FROM companies));
