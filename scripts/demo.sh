#!/usr/bin/env bash
# `npm run demo`: installs what is missing, builds when the sources changed, and starts Stacklens on the
# embedded database in ./.stacklens/data with a demo admin whose password is printed on first start.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib db instrumentation.ts next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  echo "Building…"
  npm run build
fi

export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT}}"
export STACKLENS_DEMO="${STACKLENS_DEMO:-1}"
exec node node_modules/next/dist/bin/next start -p "$PORT"
