#!/usr/bin/env bash
# Starts Stacklens the way the README's first command does (scripts/demo.sh, demo mode) on a fresh data folder,
# so e2e/demo.spec.ts sees exactly what a new user sees. The build is already fresh (`npm test` builds first).
set -euo pipefail
cd "$(dirname "$0")/.."
port="$((${E2E_PORT:-3217} + 1))"
data_dir="/tmp/stacklens-e2e-demo-${port}"
rm -rf "$data_dir"
unset DATABASE_URL STACKLENS_ADMIN_EMAIL STACKLENS_ADMIN_PASSWORD STACKLENS_DEMO
export STACKLENS_DATA_DIR="$data_dir" PORT="$port"
exec bash scripts/demo.sh
