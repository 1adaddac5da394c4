-- What the dashboard page reads before its charts (app/(app)/(main)/page.tsx): the lists, the countries of the
-- companies, and the default year (docs/data-contract.md §8): the latest of the 15 years up to :latest in which at
-- least 80% of the companies have a calendar-year revenue value. The charts' answers are layers.sql,
-- profitability.sql, and series.sql and gap.sql over the 8 years up to that year.
-- V(c) per §3–§4: per fiscal year the reported full year, else the estimate, else the four quarters (each reported,
-- else estimated); calendar year Y = (FY Y × e + FY Y+1 × (12 − e)) × rate(Y) / 12, e the fiscal year end month.
with quarters as (
  select company_id, fiscal_year, count(*) as n, sum(v) as v
  from (
    select company_id, fiscal_year, fiscal_quarter,
      coalesce(min(value) filter (where kind = 'reported'), min(value) filter (where kind = 'estimate')) as v
    from figures
    where metric = 'revenue' and fiscal_quarter is not null and fiscal_year between :latest - 14 and :latest + 1
    group by company_id, fiscal_year, fiscal_quarter
  ) q
  group by company_id, fiscal_year
),
fiscal as (
  select f.company_id, f.fiscal_year, min(f.currency) as currency,
    coalesce(min(f.value) filter (where f.fiscal_quarter is null and f.kind = 'reported'),
      min(f.value) filter (where f.fiscal_quarter is null and f.kind = 'estimate'),
      min(q.v) filter (where q.n = 4)) as value
  from figures f left join quarters q on q.company_id = f.company_id and q.fiscal_year = f.fiscal_year
  where f.metric = 'revenue' and f.fiscal_year between :latest - 14 and :latest + 1
  group by f.company_id, f.fiscal_year
),
rates as (
  select currency, year, usd_per_unit as rate from fx_rates
  union all select 'USD', y, 1 from generate_series(:latest - 14, :latest) y
),
included as (
  select a.fiscal_year as year, count(*) as n
  from companies c
  join fiscal a on a.company_id = c.id and a.fiscal_year between :latest - 14 and :latest
  join rates ra on ra.currency = a.currency and ra.year = a.fiscal_year
  left join fiscal b on b.company_id = c.id and b.fiscal_year = a.fiscal_year + 1
  left join rates rb on rb.currency = b.currency and rb.year = a.fiscal_year
  where not c.archived and a.value is not null
    and (c.fiscal_year_end_month = 12 or (b.value is not null and rb.rate is not null))
  group by a.fiscal_year
)
select
  (select json_agg(name order by name_key) from lists) as lists,
  (select json_agg(distinct country) from companies where not archived and country is not null) as countries,
  (select max(year) from included where n >= 0.8 * (select count(*) from companies where not archived)) as default_year
