-- /api/v1/analytics/profitability for one year (:year), calendar basis, estimates included, every company: per
-- layer the revenue, capex and operating-income pools, capex intensity (capex / revenue over the companies with
-- both), the profit pool's height (operating income / revenue over the companies with both) and width (the
-- layer's share of that revenue) (docs/data-contract.md §5).
-- V(c) per §3–§4 for each metric: per fiscal year the reported full year, else the estimate, else the four quarters
-- (each reported, else estimated); fiscal year F (ending in month e) puts e months into calendar year F and 12 − e
-- into F − 1, each converted at its currency's rate for that calendar year; a calendar year is valued when every
-- part is (one part when e = 12, else two) and has a rate: V = Σ value × months × rate / 12.
-- `numerator` and `a12` are V × 12 and a(c, L) × 12, exact; money is divided by 12 once, at the end, and not
-- rounded here: the API rounds it to 6 decimals half-even, and so does the bench before comparing.
with quarters as (
  select company_id, metric, fiscal_year, count(*) as n, sum(v) as v
  from (
    select company_id, metric, fiscal_year, fiscal_quarter,
      coalesce(min(value) filter (where kind = 'reported'), min(value) filter (where kind = 'estimate')) as v
    from figures
    where fiscal_quarter is not null and fiscal_year between :year and :year + 1
    group by company_id, metric, fiscal_year, fiscal_quarter
  ) q
  group by company_id, metric, fiscal_year
),
fiscal as (
  select f.company_id, f.metric, f.fiscal_year, min(f.currency) as currency,
    coalesce(min(f.value) filter (where f.fiscal_quarter is null and f.kind = 'reported'),
      min(f.value) filter (where f.fiscal_quarter is null and f.kind = 'estimate'),
      min(q.v) filter (where q.n = 4)) as value
  from figures f
  left join quarters q on q.company_id = f.company_id and q.metric = f.metric and q.fiscal_year = f.fiscal_year
  where f.fiscal_year between :year and :year + 1
  group by f.company_id, f.metric, f.fiscal_year
),
rates as (
  select currency, year, usd_per_unit as rate from fx_rates where year = :year
  union all select 'USD', :year, 1
),
valued as (
  select c.id, f.metric, sum(f.value * r.rate
    * case part.back when 0 then c.fiscal_year_end_month else 12 - c.fiscal_year_end_month end) as numerator
  from companies c
  join fiscal f on f.company_id = c.id
  cross join (values (0), (1)) as part(back) -- the part in calendar year F, and the one in F − 1
  join rates r on r.currency = f.currency and r.year = f.fiscal_year - part.back
  where not c.archived and f.fiscal_year - part.back = :year
    and (part.back = 0 or c.fiscal_year_end_month < 12) and f.value is not null
  group by c.id, c.fiscal_year_end_month, f.metric
  having count(*) = case when c.fiscal_year_end_month = 12 then 1 else 2 end
),
per_company as (
  select id, max(numerator) filter (where metric = 'revenue') as revenue,
    max(numerator) filter (where metric = 'capex') as capex,
    max(numerator) filter (where metric = 'operating_income') as income
  from valued group by id
),
layers as (
  select e.layer_key,
    sum(e.share * p.revenue) as revenue, sum(e.share * p.capex) as capex, sum(e.share * p.income) as income,
    sum(e.share * p.revenue) filter (where p.capex is not null) as revenue_with_capex,
    sum(e.share * p.capex) filter (where p.revenue is not null) as capex_with_revenue,
    sum(e.share * p.revenue) filter (where p.income is not null) as revenue_with_income,
    sum(e.share * p.income) filter (where p.revenue is not null) as income_with_revenue,
    count(*) filter (where p.revenue is not null and p.income is not null) as companies
  from per_company p join exposures e on e.company_id = p.id
  where e.share > 0
  group by e.layer_key
)
select layer_key as layer, (revenue / 12)::text as revenue, (capex / 12)::text as capex,
  (income / 12)::text as operating_income,
  capex_with_revenue / nullif(revenue_with_capex, 0) as capex_intensity,
  income_with_revenue / nullif(revenue_with_income, 0) as operating_margin,
  revenue_with_income / nullif(sum(revenue_with_income) over (), 0) as revenue_share, companies
from layers
order by layer_key
