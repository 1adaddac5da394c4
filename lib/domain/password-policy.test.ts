import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

const common = new Set(['password1234', 'qwertyuiop123']);

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('correct-horse-battery-staple', common)).toBeNull();
  });

  it('refuses fewer than 12 or more than 128 characters', () => {
    expect(passwordProblem('short-pass1', common)).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(60) + 'y'.repeat(69), common)).toMatch(/at most 128/);
    expect(passwordProblem('abcdefghijk' + 'l', common)).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('Password1234', common)).toMatch(/common passwords/);
  });

  it('refuses the email address and passwords of one repeated pattern', () => {
    expect(passwordProblem('Ana.Lyst@example.com', common, 'ana.lyst@example.com')).toMatch(/email/);
    expect(passwordProblem('abababababababab', common)).toMatch(/repeats/);
  });
});
