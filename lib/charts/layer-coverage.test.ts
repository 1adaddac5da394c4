import { describe, expect, it } from 'vitest';
import { isThinLayer, missingNames, reportedRevenueIn, thinLayersNote } from './layer-coverage';
import { coverage } from './test-answers';

const labs = ['Anthropic', 'Mistral AI', 'OpenAI', 'xAI', 'Cohere'];

describe('layer coverage', () => {
  it('greys a layer under 80% of its companies', () => {
    expect(isThinLayer(coverage(3, labs))).toBe(true);
    expect(isThinLayer(coverage(4, ['OpenAI']))).toBe(false);
    expect(isThinLayer(coverage(0))).toBe(false);
  });

  it('names the first missing companies and counts the rest', () => {
    expect(missingNames(coverage(3, labs))).toBe('Anthropic, Mistral AI, OpenAI and 2 more');
    expect(missingNames(coverage(3, ['OpenAI', 'xAI']))).toBe('OpenAI and xAI');
    expect(missingNames(coverage(3, ['OpenAI']))).toBe('OpenAI');
  });

  it('says which layers are greyed, how many companies count and who is missing', () => {
    const note = thinLayersNote(
      [
        { label: '4 Models', coverage: coverage(3, labs) },
        { label: '2 Chips', coverage: coverage(9, ['Fab']) },
      ],
      'revenue and operating income',
    );
    expect(note).toBe(
      "Greyed, under 80% of the layer's companies having revenue and operating income: 4 Models, 3 of 8 (missing Anthropic, Mistral AI, OpenAI and 2 more).",
    );
    expect(thinLayersNote([{ label: '2 Chips', coverage: coverage(9, ['Fab']) }], 'both')).toBeNull();
  });

  it('names first the companies that reported revenue: the ratio leaves them out though their revenue counts', () => {
    // Of the set, Anthropic and Mistral AI have no revenue; OpenAI, xAI and Cohere have revenue but no operating income.
    const reported = reportedRevenueIn(coverage(30, ['Anthropic', 'Mistral AI']));
    expect(missingNames(coverage(3, labs), 3, reported)).toBe('OpenAI, xAI, Cohere and 2 more');
    // A revenue coverage that does not list every missing company cannot tell.
    expect(reportedRevenueIn({ ...coverage(30, ['Anthropic']), missingCount: 60 })('openai')).toBe(false);
  });
});
