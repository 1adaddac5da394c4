'use server';

import { z } from 'zod';
import { roleCall } from '../auth/action';
import { restoreFigure } from '../dal/figure-history';
import { deleteFigure, putFigures, putFiguresSchema, type FigureView } from '../dal/figures';

/** Saves a batch of figures from the grid, all or none; a stale version comes back as a conflict. */
export const saveFiguresAction = roleCall('analyst', putFiguresSchema, async (actor, input) => {
  const result = await putFigures(actor, input);
  return { data: result.figures };
});

export const deleteFigureAction = roleCall(
  'analyst',
  z.object({ id: z.uuid(), version: z.number().int().min(1) }),
  async (actor, { id, version }) => {
    await deleteFigure(actor, id, version);
  },
);

export const restoreFigureAction = roleCall(
  'analyst',
  z.object({ eventId: z.number().int().min(1) }),
  async (actor, { eventId }) => {
    const figure: FigureView = await restoreFigure(actor, eventId);
    return { data: figure, message: 'Restored.' };
  },
);
