-- /api/v1/analytics/gap from :from to :to (g = :g, m = :m), calendar basis, estimates included, every company:
-- per year the chips layer's revenue pool C, the application revenue it requires, C / g / (1 − m), the
-- application layer's revenue pool and the gap between them (docs/data-contract.md §5).
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
    where metric = 'revenue' and fiscal_quarter is not null and fiscal_year between :from and :to + 1
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
  where f.metric = 'revenue' and f.fiscal_year between :from and :to + 1
  group by f.company_id, f.fiscal_year
),
rates as (
  select currency, year, usd_per_unit as rate from fx_rates
  union all select 'USD', y, 1 from generate_series(:from, :to) y
),
parts as materialized (
  select c.id, c.fiscal_year_end_month as e, f.currency, f.value, f.fiscal_year - part.back as year,
    case part.back when 0 then c.fiscal_year_end_month else 12 - c.fiscal_year_end_month end as months
  from companies c
  join fiscal f on f.company_id = c.id
  cross join (values (0), (1)) as part(back) -- the part in calendar year F, and the one in F − 1
  where not c.archived and f.fiscal_year - part.back between :from and :to
    and (part.back = 0 or c.fiscal_year_end_month < 12) and f.value is not null
),
valued as (
  select p.id, p.year, sum(p.value * p.months * r.rate) as numerator
  from parts p join rates r on r.currency = p.currency and r.year = p.year
  group by p.id, p.e, p.year
  having count(*) = case when p.e = 12 then 1 else 2 end
),
pools as (
  select v.year, coalesce(sum(e.share * v.numerator) filter (where e.layer_key = 'chips'), 0) / 12 as chips,
    coalesce(sum(e.share * v.numerator) filter (where e.layer_key = 'application'), 0) / 12 as application
  from valued v join exposures e on e.company_id = v.id
  where v.numerator is not null and e.layer_key in ('chips', 'application')
  group by v.year
)
select year, chips::text as chips, (chips / (:g * (1 - :m)))::text as required,
  application::text as application, (chips / (:g * (1 - :m)) - application)::text as gap
from pools
order by year
