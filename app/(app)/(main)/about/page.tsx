import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'About this data' };

/** Where the demo numbers come from, how Stacklens turns figures into layer totals, and what to check. */
export default async function AboutPage() {
  await requireUser('viewer');
  return (
    <>
      <PageHeader title="About this data">
        Where the demo universe comes from, how the numbers are computed, and what to check before a number goes into a memo.
      </PageHeader>
      <div className="grid-2">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>The demo universe</h2>
          <p>
            A new Stacklens starts with 41 AI-stack companies (35 public, 6 private), about 300 revenue, capex and operating
            income figures for fiscal years 2022–2026, yearly FX rates and 21 flows between the companies. Each figure&apos;s
            source is the public page it was copied from — filings, company releases, financial-data and news sites — and is one
            click away on the company&apos;s figures and on the <Link href="/figures">Figures</Link> page.
          </p>
          <p>Notes flag how a number was obtained:</p>
          <ul>
            <li>
              <strong>DERIVED</strong>: computed from the page (e.g. a segment sum), not printed there.
            </li>
            <li>
              <strong>ROUNDED</strong>: the source gives a rounded number.
            </li>
            <li>
              <strong>ANNUALIZED RUN-RATE</strong>: a private company&apos;s run-rate from press reports, kept as an{' '}
              <em>estimate</em>, never as recognised revenue.
            </li>
            <li>
              <strong>LOWER BOUND</strong>: the source says &ldquo;more than&rdquo;.
            </li>
          </ul>
          <p>
            Layer shares are judgement calls, explained in each company&apos;s description; the part of a business outside the AI
            stack (a retailer&apos;s stores, a utility&apos;s households) counts in no layer.
          </p>
          <h2>Exposure profiles</h2>
          <p>
            A company&apos;s shares are its current mix. Where one mix does not fit every metric or year, the demo adds a profile,
            with its reason and numbers in the company&apos;s description:
          </p>
          <ul>
            <li>
              <strong>Capex of the clouds</strong> (Microsoft, Alphabet, Meta, Oracle, CoreWeave) is all Infrastructure: it builds
              and equips data centres, wherever the revenue is earned. The servers and accelerators in them count here too; the
              Chips layer is the making of chips. Amazon&apos;s is 60% Infrastructure and 40% outside the stack for its fulfilment
              network, and Samsung&apos;s is 90% Chips for its fabs: both coarse judgements.
            </li>
            <li>
              <strong>NVIDIA, AMD and Intel</strong> have a mix per fiscal year from the segment tables of their annual reports:
              only the data-centre segment (and Intel&apos;s foundry sales) is in the stack; gaming, PCs, workstations, cars and
              embedded chips are outside. NVIDIA&apos;s data-centre share went from 39% of revenue in FY2022 to 88% in FY2025.
            </li>
            <li>
              Profiles are dated by fiscal year. On the calendar basis a calendar year takes the profile of the same-numbered
              year, so for a company whose year ends in January it lags by most of a year.
            </li>
          </ul>
          <h2>Flows: who pays whom</h2>
          <p>
            21 payments between companies of the universe, calendar years 2023–2025, say where part of each layer&apos;s revenue
            comes from: Microsoft renting GPU cloud from CoreWeave (the only reported ones, from CoreWeave&apos;s disclosed
            customer share), hyperscalers, Meta and xAI buying NVIDIA GPUs, NVIDIA paying TSMC and SK hynix, OpenAI and Anthropic
            paying for inference, Alphabet buying labelled data from Scale AI. The other 18 are estimates: a filing&apos;s unnamed
            customer matched by the press, an analyst&apos;s share of a supplier&apos;s revenue, or units × a list price. Each
            flow&apos;s note says how its number was obtained; two methods can differ by 2×.
          </p>
          <p>
            They are a small sample of the money that moves down the stack, so a layer&apos;s known inflows are a floor, not its
            customers. Missing: custom-chip spend (Broadcom), AMD&apos;s customers, Micron and Samsung memory, chip-making tools,
            power and cooling, Anthropic&apos;s Google Cloud spend, application companies paying model labs, multi-year contracts
            without a yearly split, and equity investments. TSMC&apos;s 2024–2025 flows are in TWD and wait for a rate.
          </p>
          <p className="message message-error" style={{ display: 'block' }}>
            The demo numbers are a starting point, not a dataset of record: check each one against its source before using it in a
            memo or a deck.
          </p>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Known gaps, shown as gaps</h2>
          <p>
            Stacklens never fills a gap. A company without a value for a year is left out of that year&apos;s totals and listed in
            the chart&apos;s coverage with the reason:
          </p>
          <ul>
            <li>There is no TWD rate for 2024–2025, so TSMC&apos;s 2024 figures cannot be converted to USD.</li>
            <li>xAI has no figures.</li>
            <li>NVIDIA&apos;s payments to TSMC for 2024 and 2025 are in TWD, so they are listed as missing flows.</li>
            <li>Several capex cells and most private companies&apos; operating income are blank.</li>
          </ul>
          <p>
            Add a rate on <Link href="/fx">FX rates</Link> or a figure on a company page and the charts include it at once.
          </p>
          <h2>How a number is computed</h2>
          <ul>
            <li>
              For a company, fiscal year and metric: the reported full year, else the estimate, else the four quarters (each
              reported before estimate) when all four exist.
            </li>
            <li>
              Calendar years spread fiscal years by their months (a January year end: CY2024 = (FY2024 + 11 × FY2025) / 12), then
              convert at the year&apos;s average rate.
            </li>
            <li>
              A layer receives share × value of each company; stack totals are gross, because one layer&apos;s revenue is often
              another&apos;s spend.
            </li>
            <li>Concentration (HHI, CR3) measures the tracked companies, not a whole market.</li>
          </ul>
        </section>
      </div>
    </>
  );
}
