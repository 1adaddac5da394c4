import { describe, expect, it } from 'vitest';
import { csvHeader, displayCell, displayHeader } from './table';

describe('chart table columns', () => {
  it('put the unit in the CSV header, and USD in the on-screen header', () => {
    expect(csvHeader({ label: 'Attributed revenue', kind: 'usdMillions' })).toBe('Attributed revenue (USD millions)');
    expect(csvHeader({ label: 'HHI', kind: 'hhi' })).toBe('HHI (0–10,000)');
    expect(csvHeader({ label: 'Layer', kind: 'text' })).toBe('Layer');
    expect(displayHeader({ label: 'Attributed revenue', kind: 'usdMillions' })).toBe('Attributed revenue (USD m)');
    expect(displayHeader({ label: 'Attributed revenue', kind: 'usdMillions' }, 'slide')).toBe('Attributed revenue');
    expect(displayHeader({ label: 'Share of layer', kind: 'ratio' })).toBe('Share of layer');
  });

  it('show a cell for reading, the exact number staying in the data', () => {
    expect(displayCell(0.23456, 'ratio')).toBe('23.5%');
    expect(displayCell(-0.04, 'growth')).toBe('−4.0%');
    expect(displayCell(2340.7, 'hhi')).toBe(2341);
    expect(displayCell(4.27, 'decimal')).toBe('4.3');
    expect(displayCell(500.123456, 'usdMillions')).toBe('500.1');
    expect(displayCell(1_234_567.25, 'usdMillions')).toBe('1,234,567.3');
    expect(displayCell(-60_922.5, 'usdMillions')).toBe('−60,922.5');
    expect(displayCell(12_345, 'count')).toBe('12,345');
    expect(displayCell(2500, 'usdMillions', 'slide')).toBe('$2.5B');
    expect(displayCell(null, 'ratio')).toBe('—');
  });
});
