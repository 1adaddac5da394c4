'use server';

import { roleCall } from '../auth/action';
import { restoreFigure } from '../dal/figure-history';
import { deleteFigure, putFigures } from '../dal/figures';
import { deleteFigureSchema, figureBatchBodySchema, parseFigureBatch, restoreFigureSchema } from '../figures/schema';

/** Saves a batch of figures from the grid, all or none; a stale version comes back as a conflict. */
export const saveFiguresAction = roleCall('analyst', figureBatchBodySchema, async (actor, body) => {
  const result = await putFigures({ actor }, parseFigureBatch(body));
  return { data: result.figures };
});

export const deleteFigureAction = roleCall('analyst', deleteFigureSchema, async (actor, input) => {
  await deleteFigure({ actor }, input);
});

export const restoreFigureAction = roleCall('analyst', restoreFigureSchema, async (actor, input) => {
  const figure = await restoreFigure({ actor }, input);
  return { data: figure, message: 'Restored.' };
});
