import { describe, expect, it } from 'vitest';
import { coverage } from './test-answers';
import { timeCoverageMarks, yearCoverage, yearCoverageReason, yearCoverageSummary } from './year-coverage';

const names = (n: number) => Array.from({ length: n }, (_, i) => `Missing ${i}`);
const year = (y: number, included: number, of = 41) => yearCoverage(y, coverage(included, names(of - included)));

describe('yearCoverage', () => {
  it('is low under 80% of the set: 32 of 41 is low, 33 of 41 is not', () => {
    expect(year(2024, 32).low).toBe(true);
    expect(year(2024, 33).low).toBe(false);
    expect(year(2024, 0, 0).low).toBe(false);
  });

  it('gives the reason a faded year is faded', () => {
    expect(yearCoverageReason(year(2025, 12))).toBe('2025: 12 of 41 companies reported');
    expect(yearCoverageReason(year(2025, 1, 1))).toBe('2025: 1 of 1 company reported');
  });

  it('summarises years at or above the threshold as ranges and names each low year', () => {
    const years = [
      year(2019, 36),
      year(2020, 38),
      year(2021, 41),
      year(2022, 29),
      year(2023, 40),
      year(2024, 41),
      year(2025, 12),
    ];
    expect(yearCoverageSummary(years)).toBe('2019–2021: 36–41 of 41, 2022: 29 of 41, 2023–2024: 40–41 of 41, 2025: 12 of 41');
    expect(yearCoverageSummary([year(2024, 41), year(2025, 41)])).toBe('2024–2025: 41 of 41');
  });
});

describe('timeCoverageMarks', () => {
  it('names the faded years with their counts, adds their legend entry and gives every year in the footer', () => {
    const marks = timeCoverageMarks([year(2024, 41), year(2025, 12)], undefined, 'with revenue in every year plotted');
    expect(marks.note).toBe(
      'Faded: 2025 (12 of 41 reported), under 80%, so not comparable with the other years; Like-for-like compares the same companies.',
    );
    expect(marks.legend.map((l) => l.label)).toEqual(['Faded: under 80% of companies reported']);
    expect(marks.yearCoverage).toBe('Companies reported: 2024: 41 of 41, 2025: 12 of 41');
  });

  it('in like-for-like says how many companies every year sums, and fades nothing', () => {
    const marks = timeCoverageMarks([year(2025, 12)], { companies: 9, of: 41 }, 'with revenue in every year plotted');
    expect(marks.yearCoverage).toBe('Like-for-like: the 9 of 41 companies with revenue in every year plotted');
    expect(marks.legend).toEqual([]);
  });

  it('says nothing in the note when every year is covered', () => {
    expect(timeCoverageMarks([year(2024, 40)], undefined, '').note).toBeNull();
  });
});
