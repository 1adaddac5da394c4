-- What the dashboard page reads before its charts (app/(app)/(main)/page.tsx): the lists, the countries of the
-- companies, and the default year (docs/data-contract.md §8): the latest of the 15 years up to :latest in which at
-- least 80% of the companies have a calendar-year revenue value. The charts' answers are layers.sql,
-- profitability.sql, and series.sql and gap.sql over the 8 years up to that year.
-- V(c) per §3–§4: per fiscal year the reported full year, else the estimate, else the four quarters (each reported,
-- else estimated); fiscal year F (ending in month e) puts e months into calendar year F and 12 − e into F − 1, each
-- converted at its currency's rate for that calendar year; a calendar year is valued when every part is (one part
-- when e = 12, else two) and has a rate: V = Σ value × months × rate / 12.
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
parts as materialized (
  select c.id, c.fiscal_year_end_month as e, f.currency, f.value, f.fiscal_year - part.back as year,
    case part.back when 0 then c.fiscal_year_end_month else 12 - c.fiscal_year_end_month end as months
  from companies c
  join fiscal f on f.company_id = c.id
  cross join (values (0), (1)) as part(back) -- the part in calendar year F, and the one in F − 1
  where not c.archived and f.fiscal_year - part.back between :latest - 14 and :latest
    and (part.back = 0 or c.fiscal_year_end_month < 12) and f.value is not null
),
valued as (
  select p.id, p.year, sum(p.value * p.months * r.rate) as numerator
  from parts p join rates r on r.currency = p.currency and r.year = p.year
  group by p.id, p.e, p.year
  having count(*) = case when p.e = 12 then 1 else 2 end
),
included as (select year, count(*) as n from valued group by year)
select
  (select json_agg(name order by name_key) from lists) as lists,
  (select json_agg(distinct country) from companies where not archived and country is not null) as countries,
  (select max(year) from included where n >= 0.8 * (select count(*) from companies where not archived)) as default_year
