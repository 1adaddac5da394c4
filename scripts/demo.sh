#!/usr/bin/env bash
# `npm run demo`: installs what is missing, builds when the sources changed, and starts Stacklens on the
# embedded database in ./.stacklens/data with a demo admin whose password is printed on first start.
# Each step says what it does; the server's last lines say where to go and how to sign in.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n[stacklens] %s\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "1/3 Installing dependencies with npm ci (about a minute)…"
  npm ci --no-audit --no-fund
else
  step "1/3 Dependencies are installed."
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib db instrumentation.ts next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  step "2/3 Building the production app (2–6 minutes on a small machine; only when the sources changed)…"
  npm run build
else
  step "2/3 The build is up to date."
fi

export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT}}"
export STACKLENS_DEMO="${STACKLENS_DEMO:-1}"
step "3/3 Starting on port ${PORT}: migrating the embedded database and, the first time, loading the demo universe…"
exec node node_modules/next/dist/bin/next start -p "$PORT"
