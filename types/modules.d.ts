declare module 'eslint-plugin-drizzle';
