import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { memoPptx, type PackChart } from './pptx';

function tinyPng(): Uint8Array {
  const png = new PNG({ width: 16, height: 9 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

function chart(title: string, rows: number): PackChart {
  return {
    title,
    subtitle: 'Revenue · 2024 · calendar years · all companies',
    footer: 'Source: Stacklens · company filings and analyst estimates · 3 companies (0 missing) · as of 2026-01-31',
    image: { png: tinyPng(), size: { width: 1600, height: 700 } },
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'Revenue', kind: 'usdMillions' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [`Layer ${i}`, 1000 * i]),
    },
    coverages: [{ label: null, coverage: { included: 3, missing: [], missingCount: 0 } }],
  };
}

const slidesOf = (files: Record<string, Uint8Array>) => Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));

describe('memoPptx', () => {
  it('makes one slide per chart with its title, picture and source line, and a last slide of data tables', async () => {
    const files = unzipSync(
      await memoPptx([chart('Revenue pools', 6), chart('Stack mix', 12), chart('Gap', 4)], { title: 'Pack' }),
    );
    expect(slidesOf(files)).toHaveLength(4);
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(3);
    const first = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(first).toContain('Revenue pools');
    expect(first).toContain('Source: Stacklens · company filings and analyst estimates');
    const data = strFromU8(files['ppt/slides/slide4.xml']!);
    expect(data).toContain('Data behind the charts');
    expect(data).toContain('$4.0B');
    expect(data).toContain('<a:tbl>');
  });

  it('opens on a title slide with the answer in words, the filters and the dates, when given a cover', async () => {
    const cover = {
      title: 'Where value accrues in 2024',
      subtitle: 'Revenue · 2024 · calendar years · all companies',
      sentences: ['Chips holds the largest revenue pool: $300.0B, 60.0% of the stack’s gross total.', 'Models grew the most.'],
      asOf: '2026-01-31',
      exported: '2026-02-02',
    };
    const files = unzipSync(await memoPptx([chart('Revenue pools', 6)], { title: 'Pack', cover }));
    expect(slidesOf(files)).toHaveLength(3);
    const first = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(first).toContain('Where value accrues in 2024');
    expect(first).toContain('Revenue · 2024 · calendar years · all companies');
    expect(first).toContain('Chips holds the largest revenue pool: $300.0B');
    expect(first).toContain('Models grew the most.');
    expect(first).toContain('exported 2026-02-02 · data as of 2026-01-31');
    expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('Revenue pools');
  });

  it('continues the data tables on more slides when they do not fit one', async () => {
    const files = unzipSync(await memoPptx([chart('Over time', 48), chart('Layer pools', 36)], { title: 'Pack' }));
    expect(slidesOf(files).length).toBeGreaterThan(3);
    expect(strFromU8(files['ppt/slides/slide4.xml']!)).toContain('Data behind the charts (continued)');
  });
});
