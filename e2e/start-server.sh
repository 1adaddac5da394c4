#!/usr/bin/env bash
# Starts the production build on a fresh embedded database for the end-to-end tests. The CLI adds the test
# users first, while no server holds the folder's lock; the admin comes from STACKLENS_ADMIN_* as in docs/data-contract.md §8.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_PORT:-3217}"
data_dir="$(mktemp -d /tmp/stacklens-e2e.XXXXXX)"
export STACKLENS_DATA_DIR="$data_dir"
unset DATABASE_URL
export NEXTAUTH_URL="http://localhost:${port}"
export STACKLENS_ADMIN_EMAIL=admin@e2e.test
export STACKLENS_ADMIN_PASSWORD=e2e-Admin-passphrase-31
export PORT="$port"

cli() { node_modules/.bin/tsx --conditions=react-server scripts/stacklens.ts "$@"; }
cli migrate
echo 'e2e-Analyst-passphrase-47' | cli user add --email analyst@e2e.test --role analyst --name 'Ana Lyst' --password-stdin
echo 'e2e-Viewer-passphrase-59' | cli user add --email viewer@e2e.test --role viewer --name 'Vi Ewer' --password-stdin
echo 'e2e-Throttled-passphrase-73' | cli user add --email throttled@e2e.test --role viewer --name 'Throttle Target' --password-stdin
exec node node_modules/next/dist/bin/next start -p "$port"
