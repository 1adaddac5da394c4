import { describe, expect, it } from 'vitest';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { importFiguresCsv } from '../figure-csv';
import { importFxCsv } from '../fx';
import { defaultAnalyticsYear } from './default-year';

describe.each(TEST_DRIVERS)('the year a dashboard opens on, on %s (docs/data-contract.md §8)', (driver) => {
  useFreshDatabase(driver);

  it('is the latest year in which at least 80% of the set has a calendar revenue, estimates and FX included', async () => {
    const analyst = await makeUser('analyst');
    const viewer = await makeUser('viewer');
    for (const name of ['Yr A', 'Yr B', 'Yr C', 'Yr D', 'Yr E'])
      await addCompany(analyst, { name, currency: name === 'Yr D' ? 'EUR' : 'USD', lists: ['Years'] });
    const figures = [
      'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note',
      // 2023: four of five (80%, enough). 2024: A–C, and D in EUR, which has no 2024 rate yet (60%).
      ...['Yr A', 'Yr B', 'Yr C', 'Yr D'].flatMap((c) => [`${c},2023,,revenue,,10,,,`, `${c},2024,,revenue,,10,,,`]),
      // 2025: four of five, but one only estimated and one only capex (60%).
      'Yr A,2025,,revenue,,10,,,',
      'Yr B,2025,,revenue,,10,,,',
      'Yr C,2025,,revenue,estimate,10,,,',
      'Yr E,2025,,capex,,10,,,',
    ].join('\n');
    await importFiguresCsv({ actor: analyst }, { text: figures, dryRun: false });
    await importFxCsv({ actor: analyst }, { text: 'currency,year,usd_per_unit\nEUR,2023,1.08', dryRun: false });
    const opensOn = (lookback = 15) => defaultAnalyticsYear({ actor: viewer }, { list: 'Years' }, { latest: 2026, lookback });

    expect(await opensOn()).toBe(2023);
    expect(await opensOn(3)).toBeNull(); // 2024–2026 only

    // A rate gives D its 2024 value: 80%, and the answer follows the data version.
    await importFxCsv({ actor: analyst }, { text: 'currency,year,usd_per_unit\nEUR,2024,1.08', dryRun: false });
    expect(await opensOn(3)).toBe(2024);
    // An estimate counts: a fourth 2025 revenue makes 2025 the year.
    await importFiguresCsv(
      { actor: analyst },
      { text: `${figures.split('\n')[0]}\nYr E,2025,,revenue,estimate,1,,,`, dryRun: false },
    );
    expect(await opensOn()).toBe(2025);
    // A set with no companies has no year, and a set with none that has revenue neither.
    expect(await defaultAnalyticsYear({ actor: viewer }, { country: 'JP' }, { latest: 2026 })).toBeNull();
    await addCompany(analyst, { name: 'No Figures', lists: ['Empty'] });
    expect(await defaultAnalyticsYear({ actor: viewer }, { list: 'Empty' }, { latest: 2026 })).toBeNull();
  });
});
