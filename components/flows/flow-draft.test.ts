import { describe, expect, it } from 'vitest';
import type { FlowPartyOption, FlowView } from '@/lib/flows/schema';
import { draftErrors, draftPayload, editDraft, newDraft, withCounterpart } from './flow-draft';

const coreweave: FlowPartyOption = { id: 'cw', name: 'CoreWeave', ticker: 'CRWV', currency: 'USD', layers: ['execution'] };
const hynix: FlowPartyOption = { id: 'sk', name: 'SK hynix', ticker: null, currency: 'KRW', layers: ['chips'] };
const lab: FlowPartyOption = { id: 'lab', name: 'Lab', ticker: null, currency: 'EUR', layers: ['models', 'application'] };

describe('the flow editor’s draft', () => {
  it('builds a customer flow with the company as payee, in its currency, its only layer preselected', () => {
    const draft = {
      ...withCounterpart(newDraft('customer', coreweave, 2024), lab),
      counterpartLayer: 'models' as const,
      value: ' 12.5 ',
    };
    expect(draft.currency).toBe('USD');
    expect(draftPayload(draft, 'cw')).toEqual({
      payload: {
        payerId: 'lab',
        payerLayer: 'models',
        payeeId: 'cw',
        payeeLayer: 'execution',
        year: 2024,
        kind: 'estimate',
        value: '12.5',
        currency: 'USD',
        source: '',
        note: '',
      },
    });
  });

  it('gives a supplier flow the payee’s currency unless the user chose one', () => {
    const draft = withCounterpart(newDraft('supplier', coreweave, 2024), hynix);
    expect(draft).toMatchObject({ currency: 'KRW', counterpartLayer: 'chips' });
    const chosen = withCounterpart({ ...newDraft('supplier', coreweave, 2024), currency: 'USD', currencyChosen: true }, hynix);
    expect(chosen.currency).toBe('USD');
    expect(draftPayload({ ...draft, value: '1' }, 'cw')).toMatchObject({
      payload: { payerId: 'cw', payeeId: 'sk', payeeLayer: 'chips' },
    });
  });

  it('names the fields still to fill before anything is sent', () => {
    expect(draftPayload(newDraft('supplier', lab, 2024), 'lab')).toEqual({
      missing: {
        counterpart: 'Pick a company from the list.',
        counterpartLayer: 'Choose a layer.',
        ownLayer: 'Choose a layer.',
        value: 'Enter the value in millions.',
        currency: 'Enter a currency code.',
      },
    });
  });

  it('edits a stored flow at the version read, its key unchanged', () => {
    const stored = {
      id: 'f',
      payerId: 'ms',
      payerLayer: 'execution',
      payeeId: 'cw',
      payeeLayer: 'execution',
      year: 2024,
      kind: 'reported',
      value: '3437.1',
      currency: 'USD',
      source: 's',
      note: null,
      version: 3,
    } as FlowView;
    expect(draftPayload({ ...editDraft('customer', stored), value: '3500' }, 'cw')).toMatchObject({
      payload: { payerId: 'ms', payeeId: 'cw', payerLayer: 'execution', kind: 'reported', value: '3500', version: 3, note: '' },
    });
  });

  it('shows each server issue next to the field it names, the company sides read from the page’s company', () => {
    const issues = [
      { path: ['flows', 0, 'payeeLayer'], message: 'CoreWeave has no share in the Chips layer.' },
      { path: ['flows', 0, 'value'], message: 'A flow cannot be negative.' },
      { path: ['flows', 0, 'payeeId'], message: 'The payer and the payee must be different companies.' },
      { path: ['flows', 0], message: 'the same flow' },
    ];
    expect(draftErrors(issues, 'customer')).toEqual({
      ownLayer: 'CoreWeave has no share in the Chips layer.',
      value: 'A flow cannot be negative.',
      counterpart: 'The payer and the payee must be different companies.',
      form: 'the same flow',
    });
    expect(draftErrors(issues.slice(0, 1), 'supplier')).toEqual({
      counterpartLayer: 'CoreWeave has no share in the Chips layer.',
    });
  });
});
