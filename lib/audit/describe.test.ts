import { describe, expect, it } from 'vitest';
import { auditChanges, auditSubject, auditSubjectIds, auditValueText } from './describe';

const NVIDIA = '11111111-1111-4111-8111-111111111111';
const COREWEAVE = '22222222-2222-4222-8222-222222222222';
const names = { companies: new Map([[NVIDIA, 'NVIDIA']]), users: new Map([['u1', 'ana@example.com']]) };

describe('the audit log in words', () => {
  it('lists only the fields an update changed, without ids, versions or timestamps', () => {
    const before = { id: 'f1', companyId: NVIDIA, value: '60922', source: null, version: 1, updatedAt: 'x' };
    const after = { id: 'f1', companyId: NVIDIA, value: '61000', source: '10-K p. 41', version: 2, updatedAt: 'y' };
    expect(auditChanges(before, after)).toEqual([
      { field: 'value', before: '60922', after: '61000' },
      { field: 'source', before: null, after: '10-K p. 41' },
    ]);
  });

  it('lists every field set by a creation and every field held by a deletion', () => {
    expect(auditChanges(null, { name: 'Core', lists: ['Portfolio', 'Watchlist'] })).toEqual([
      { field: 'name', before: null, after: 'Core' },
      { field: 'lists', before: null, after: 'Portfolio, Watchlist' },
    ]);
    expect(auditChanges({ usdPerUnit: '1.08' }, null)).toEqual([{ field: 'usdPerUnit', before: '1.08', after: null }]);
  });

  it('writes shares and profiles as text a reader can scan', () => {
    const exposures = [
      { layer: 'chips', share: '0.6', subLayer: null },
      { layer: 'models', share: '0.4', subLayer: 'labs' },
    ];
    expect(auditValueText(exposures)).toBe('chips 0.6, models 0.4 labs');
    expect(auditValueText([{ scope: 'capex', fromYear: 2023, exposures: [exposures[0]] }])).toBe('capex 2023 (chips 0.6)');
    expect(auditValueText([])).toBe('none');
  });

  it('names what an event was about, from the names the data layer looked up or the snapshot', () => {
    const figure = { companyId: NVIDIA, metric: 'revenue', kind: 'reported', fiscalYear: 2024, fiscalQuarter: null };
    expect(auditSubject({ entityType: 'figure', entityId: 'f1', before: null, after: figure }, names)).toBe(
      'NVIDIA · Revenue reported FY2024',
    );
    expect(
      auditSubject({ entityType: 'figure', entityId: 'f1', before: { ...figure, fiscalQuarter: 3 }, after: null }, names),
    ).toBe('NVIDIA · Revenue reported FY2024 Q3');
    const flow = { payerId: COREWEAVE, payerLayer: 'infrastructure', payeeId: NVIDIA, payeeLayer: 'chips', year: 2024 };
    expect(auditSubject({ entityType: 'flow', entityId: 'x', before: null, after: flow }, names)).toBe(
      'a deleted company (infrastructure) → NVIDIA (chips), 2024',
    );
    // A deleted company is named from its own snapshot.
    expect(auditSubject({ entityType: 'company', entityId: COREWEAVE, before: { name: 'CoreWeave' }, after: null }, names)).toBe(
      'CoreWeave',
    );
    expect(auditSubject({ entityType: 'user', entityId: 'u1', before: null, after: null }, names)).toBe('ana@example.com');
    expect(auditSubject({ entityType: 'fx_rate', entityId: 'EUR-2024', before: null, after: {} }, names)).toBe('EUR 2024');
    expect(auditSubject({ entityType: 'list', entityId: 'l1', before: null, after: { name: 'Portfolio' } }, names)).toBe(
      'Portfolio',
    );
    // The firm's new name is a changed field, not what the event was about.
    expect(auditSubject({ entityType: 'firm', entityId: null, before: { name: null }, after: { name: 'Acme' } }, names)).toBe(
      "The firm's name and logo",
    );
  });

  it('asks for the names of the companies and users a subject needs', () => {
    const flow = { payerId: COREWEAVE, payeeId: NVIDIA };
    expect(auditSubjectIds({ entityType: 'flow', entityId: 'x', before: flow, after: null })).toEqual({
      companies: [COREWEAVE, NVIDIA],
      users: [],
    });
    expect(auditSubjectIds({ entityType: 'user', entityId: 'u1', before: null, after: null })).toEqual({
      companies: [],
      users: ['u1'],
    });
  });
});
