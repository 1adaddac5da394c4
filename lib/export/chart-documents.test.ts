import { describe, expect, it } from 'vitest';
import { chartDocuments, type ChartContent } from './chart-documents';
import { MEMO_SIZE } from './memo-size';

const content: ChartContent = {
  title: 'Capex intensity by layer, 2024',
  subtitle: 'Capex / revenue · 2024 · calendar years · all companies',
  legend: [],
  note: null,
  table: { columns: [{ label: 'Capex / revenue', kind: 'ratio' }], rows: [[0.6]] },
  coverages: [{ label: null, coverage: { included: 2, missing: [], missingCount: 0 } }],
  estimated: true,
  provenance: { asOf: '2026-01-31T09:30:00.000Z' },
};

describe('chartDocuments', () => {
  it('draws the chart once, at half the box the memo leaves it, and composes every file from that drawing', async () => {
    const sizes: { width: number; height: number }[] = [];
    const documents = await chartDocuments(content, async (size) => {
      sizes.push(size);
      return '<rect id="the-chart" width="5" height="5"/>';
    });
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.width).toBe((MEMO_SIZE.width - 128) / 2);
    expect(documents.memoSvg).toContain('<rect id="the-chart" width="5" height="5"/>');
    expect(documents.slide.svg).toContain('<rect id="the-chart" width="5" height="5"/>');
    expect(documents.slide.svg).not.toContain('Capex intensity by layer, 2024</text>');
    expect(documents.footer).toBe(
      'Source: Stacklens · company filings and analyst estimates · 2 companies (0 missing) · estimates included · data as of 2026-01-31 09:30 UTC',
    );
    expect(documents.csv).toContain('"Capex / revenue (fraction, 0.25 = 25%)"\r\n0.6\r\n');
  });
});

describe('a time series footer', () => {
  it("gives each year's coverage in place of one year's", async () => {
    const yearCoverage = 'Companies reported: 2019–2024: 36–41 of 41, 2025: 12 of 41';
    const documents = await chartDocuments({ ...content, yearCoverage }, async () => '');
    expect(documents.footer).toBe(
      `Source: Stacklens · company filings and analyst estimates · ${yearCoverage} · estimates included · data as of 2026-01-31 09:30 UTC`,
    );
    expect(documents.memoSvg).toContain('2025: 12 of 41');
  });
});
