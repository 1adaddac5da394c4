-- The layer page, /layers/:layer for one year (:year): the layer's companies with share(c, L), a(c, L), their
-- share of the pool and their growth over the year before (rows with a company), and the layer's pool for each of
-- the 8 years up to :year (rows without one); revenue, calendar basis, estimates included, every company
-- (docs/data-contract.md §5; what GET /api/v1/analytics/layers/{key} answers).
-- V(c) per §3–§4: per fiscal year the reported full year, else the estimate, else the four quarters (each reported,
-- else estimated); fiscal year F (ending in month e) puts e months into calendar year F and 12 − e into F − 1, each
-- converted at its currency's rate for that calendar year; a calendar year is valued when every part is (one part
-- when e = 12, else two) and has a rate: V = Σ value × months × rate / 12.
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
parts as materialized (
  select c.id, c.fiscal_year_end_month as e, f.currency, f.value, f.fiscal_year - part.back as year,
    case part.back when 0 then c.fiscal_year_end_month else 12 - c.fiscal_year_end_month end as months
  from companies c
  join fiscal f on f.company_id = c.id
  cross join (values (0), (1)) as part(back) -- the part in calendar year F, and the one in F − 1
  where not c.archived and f.fiscal_year - part.back between :year - 8 and :year
    and (part.back = 0 or c.fiscal_year_end_month < 12) and f.value is not null
),
attributed as (
  select c.id, c.name, e.share, p.year, e.share * sum(p.value * p.months * r.rate) as a12
  from parts p
  join rates r on r.currency = p.currency and r.year = p.year
  join companies c on c.id = p.id
  join exposures e on e.company_id = p.id and e.layer_key = :layer and e.share > 0
  group by c.id, c.name, e.share, p.e, p.year
  having count(*) = case when p.e = 12 then 1 else 2 end
),
layered as (
  select *, case when lag(year) over (partition by id order by year) = year - 1
    then lag(a12) over (partition by id order by year) end as before12
  from attributed where a12 is not null
),
pools as (select year, sum(a12) as p12 from layered group by year)
select now.name, now.share::text as layer_share, (now.a12 / 12)::text as value,
  now.a12 / nullif(p.p12, 0) as share_of_layer,
  case when now.before12 > 0 then (now.a12 - now.before12) / now.before12 end as growth, null::int as year, null as pool
from layered now
join pools p on p.year = now.year
where now.year = :year
union all
select null, null, null, null, null, year, (p12 / 12)::text from pools where year > :year - 8
order by year nulls first, name
