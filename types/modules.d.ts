declare module 'eslint-plugin-drizzle';

/** Recharts' Sankey layout, which the Sankey layout's test compares against (the package ships its types apart). */
declare module 'recharts/lib/chart/Sankey' {
  export { computeData } from 'recharts/types/chart/Sankey';
}
