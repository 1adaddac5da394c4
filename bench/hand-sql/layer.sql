-- The layer page, /layers/:layer for one year (:year): the layer's companies with share(c, L), a(c, L), their
-- share of the pool and their growth over the year before (rows with a company), and the layer's pool for each of
-- the 8 years up to :year (rows without one); revenue, calendar basis, estimates included, every company
-- (docs/data-contract.md §5; what GET /api/v1/analytics/layers/{key} answers).
-- V(c) per §3–§4: per fiscal year the reported full year, else the estimate, else the four quarters (each reported,
-- else estimated); calendar year Y = (FY Y × e + FY Y+1 × (12 − e)) × rate(Y) / 12, e the fiscal year end month.
-- `numerator` and `a12` are V × 12 and a(c, L) × 12, exact; money is divided by 12 once, at the end, and not
-- rounded here: the API rounds it to 6 decimals half-even, and so does the bench before comparing.
with quarters as (
  select company_id, fiscal_year, count(*) as n, sum(v) as v
  from (
    select company_id, fiscal_year, fiscal_quarter,
      coalesce(min(value) filter (where kind = 'reported'), min(value) filter (where kind = 'estimate')) as v
    from figures
    where metric = 'revenue' and fiscal_quarter is not null and fiscal_year between :year - 8 and :year + 1
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
  where f.metric = 'revenue' and f.fiscal_year between :year - 8 and :year + 1
  group by f.company_id, f.fiscal_year
),
rates as (
  select currency, year, usd_per_unit as rate from fx_rates
  union all select 'USD', y, 1 from generate_series(:year - 8, :year) y
),
members as (
  select c.id, c.name, c.name_key, e.share from companies c join exposures e on e.company_id = c.id
  where not c.archived and e.layer_key = :layer and e.share > 0
),
attributed as (
  select m.id, m.name, m.name_key, m.share, a.fiscal_year as year,
    m.share * (a.value * c.fiscal_year_end_month * ra.rate
      + case when c.fiscal_year_end_month < 12 then b.value * (12 - c.fiscal_year_end_month) * rb.rate else 0 end)
      as a12
  from members m
  join companies c on c.id = m.id
  join fiscal a on a.company_id = m.id and a.fiscal_year between :year - 8 and :year
  join rates ra on ra.currency = a.currency and ra.year = a.fiscal_year
  left join fiscal b on b.company_id = m.id and b.fiscal_year = a.fiscal_year + 1
  left join rates rb on rb.currency = b.currency and rb.year = a.fiscal_year
),
valued as (
  select *, case when lag(year) over (partition by id order by year) = year - 1
    then lag(a12) over (partition by id order by year) end as before12
  from attributed where a12 is not null
),
pools as (select year, sum(a12) as p12 from valued group by year)
select now.name, now.share::text as layer_share, (now.a12 / 12)::text as value,
  now.a12 / nullif(p.p12, 0) as share_of_layer,
  case when now.before12 > 0 then (now.a12 - now.before12) / now.before12 end as growth, null::int as year, null as pool
from valued now
join pools p on p.year = now.year
where now.year = :year
union all
select null, null, null, null, null, year, (p12 / 12)::text from pools where year > :year - 8
order by year nulls first, name
