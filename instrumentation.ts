/** Next.js calls this once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return; // the build never opens the database
  const { startUp } = await import('./lib/server/startup');
  await startUp();
}
