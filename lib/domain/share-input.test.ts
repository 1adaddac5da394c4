import { describe, expect, it } from 'vitest';
import { percentTotal, totalIsComplete } from './company-form';
import { readShareInput, shareInputText, storedPercent } from './share-input';

describe('the exposure editor reads a share', () => {
  it('in percent mode: 40 and 40% are 40%, 0.4 is 0.4%', () => {
    expect(readShareInput('40', 'percent')).toEqual({ kind: 'ok', percent: '40' });
    expect(readShareInput(' 40% ', 'percent')).toEqual({ kind: 'ok', percent: '40' });
    expect(readShareInput('40 %', 'percent')).toEqual({ kind: 'ok', percent: '40' });
    expect(readShareInput('12.50', 'percent')).toEqual({ kind: 'ok', percent: '12.5' });
    expect(readShareInput('0.4', 'percent')).toEqual({ kind: 'ok', percent: '0.4' });
    expect(readShareInput('.5', 'percent')).toEqual({ kind: 'ok', percent: '0.5' });
  });

  it('in fraction mode: 0.4 is 40%, as companies.csv reads it; a % sign still means a percentage', () => {
    expect(readShareInput('0.4', 'fraction')).toEqual({ kind: 'ok', percent: '40' });
    expect(readShareInput('1', 'fraction')).toEqual({ kind: 'ok', percent: '100' });
    expect(readShareInput('0.125', 'fraction')).toEqual({ kind: 'ok', percent: '12.5' });
    expect(readShareInput('40%', 'fraction')).toEqual({ kind: 'ok', percent: '40' });
    // Exact: a third written to 20 places stays those digits, not a float's.
    expect(readShareInput('0.33333333333333333333', 'fraction')).toEqual({ kind: 'ok', percent: '33.333333333333333333' });
  });

  it('refuses what is not a share, saying what to write in that mode', () => {
    expect(readShareInput('forty', 'percent')).toEqual({ kind: 'error', message: 'Enter a percentage such as 40 or 40%.' });
    expect(readShareInput('0,4', 'fraction')).toEqual({
      kind: 'error',
      message: 'Enter a fraction such as 0.4, or a percentage such as 40%.',
    });
    expect(readShareInput('-5', 'percent').kind).toBe('error');
    expect(readShareInput('120', 'percent')).toEqual({ kind: 'error', message: 'A share is at most 100%.' });
    expect(readShareInput('40', 'fraction')).toEqual({ kind: 'error', message: 'A fraction is at most 1 (100%).' });
    expect(readShareInput('  ', 'fraction')).toEqual({ kind: 'empty' });
  });

  it('shows a stored percentage in each mode, and keeps an unreadable text as typed so the total refuses it', () => {
    expect(shareInputText('40', 'percent')).toBe('40');
    expect(shareInputText('40', 'fraction')).toBe('0.4');
    expect(shareInputText('', 'fraction')).toBe('');
    expect(storedPercent('0.4', 'fraction')).toBe('40');
    expect(storedPercent('', 'fraction')).toBe('');
    expect(shareInputText(storedPercent('4o', 'percent'), 'percent')).toBe('4o');
    expect(percentTotal({ chips: storedPercent('4o', 'percent') })).toBeNull();
    // 40 is refused as a fraction; kept, it must not count as 40% either.
    expect(shareInputText(storedPercent('40', 'fraction'), 'fraction')).toBe('40');
    expect(percentTotal({ chips: storedPercent('40', 'fraction'), outside: '60' })).toBeNull();
    expect(totalIsComplete({ chips: storedPercent('0.6', 'fraction'), outside: storedPercent('40%', 'fraction') })).toBe(true);
  });
});
