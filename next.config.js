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
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
