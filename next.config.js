// @ts-check
import { env } from './lib/env/index.js';

// Fail at start, with a message, when the environment is invalid.
env();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that Next's bundler breaks; load it from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Security headers are set per request in proxy.ts (a script nonce each time).
};

export default nextConfig;
