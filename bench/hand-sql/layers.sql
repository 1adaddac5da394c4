-- /api/v1/analytics/layers for one year (:year), revenue, calendar basis, estimates included, every company:
-- per layer the pool P(L) = Σ share × V(c), its companies, the top five and the others, HHI and CR3
-- (docs/data-contract.md §5), straight from companies, exposures, figures and fx_rates.
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
    where metric = 'revenue' and fiscal_quarter is not null and fiscal_year between :year and :year + 1
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
  where f.metric = 'revenue' and f.fiscal_year between :year and :year + 1
  group by f.company_id, f.fiscal_year
),
rates as (
  select currency, year, usd_per_unit as rate from fx_rates where year = :year
  union all select 'USD', :year, 1
),
valued as (
  select c.id, c.name, c.name_key, sum(f.value * r.rate
    * case part.back when 0 then c.fiscal_year_end_month else 12 - c.fiscal_year_end_month end) as numerator
  from companies c
  join fiscal f on f.company_id = c.id
  cross join (values (0), (1)) as part(back) -- the part in calendar year F, and the one in F − 1
  join rates r on r.currency = f.currency and r.year = f.fiscal_year - part.back
  where not c.archived and f.fiscal_year - part.back = :year
    and (part.back = 0 or c.fiscal_year_end_month < 12) and f.value is not null
  group by c.id, c.name, c.name_key, c.fiscal_year_end_month
  having count(*) = case when c.fiscal_year_end_month = 12 then 1 else 2 end
),
attributed as (
  select e.layer_key, v.id, v.name, e.share * v.numerator as a12,
    row_number() over (partition by e.layer_key order by e.share * v.numerator desc, v.name_key, v.id) as rank
  from valued v join exposures e on e.company_id = v.id
  where v.numerator is not null and e.share > 0
),
pools as (
  select layer_key, sum(a12) as p12, count(*) as companies,
    sum(a12) filter (where rank <= 5) as top12,
    sum(a12) filter (where a12 > 0) as s12, sum(a12 * a12) filter (where a12 > 0) as sq12,
    sum(a12) filter (where a12 > 0 and rank <= 3) as cr3_12
  from attributed group by layer_key
)
select p.layer_key as layer, (p.p12 / 12)::text as pool, p.companies,
  ((p.p12 - p.top12) / 12)::text as others,
  10000 * p.sq12 / (p.s12 * p.s12) as hhi, p.cr3_12 / p.s12 as cr3,
  (select json_agg(json_build_object('name', t.name, 'value', (t.a12 / 12)) order by t.rank)
     from attributed t where t.layer_key = p.layer_key and t.rank <= 5) as top
from pools p
order by p.layer_key
