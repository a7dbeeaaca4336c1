#!/usr/bin/env bash
# Starts a Nemeton single server on a free loopback port with a fresh data directory (the
# Wikipedia sample loads at start), runs the plywood smoke test against it, and stops the server.
# Skips with a message when Node.js or npm is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "e2e: skipped: node and npm are not installed"
  exit 0
fi
cd "$ROOT/e2e"
if [ ! -d node_modules/plywood ] || [ ! -d node_modules/plywood-druid-requester ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

DATA="$(mktemp -d "${TMPDIR:-/tmp}/nemeton-e2e.XXXXXX")"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
LOG="$DATA/server.log"
"$ROOT/bin/nemeton" start --port "$PORT" --data-dir "$DATA/var" >"$LOG" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

# Ready when the sample's segments are served: poll, with a deadline, instead of sleeping blindly.
deadline=$((SECONDS + 180))
until curl -sf "http://127.0.0.1:$PORT/druid/v2/datasources" 2>/dev/null | grep -q '"wikipedia"'; do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "e2e: the server exited; its log:"; cat "$LOG"; exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "e2e: the sample was not served within 180 s; server log:"; cat "$LOG"; exit 1
  fi
  sleep 0.5
done
node plywood-smoke.js "http://127.0.0.1:$PORT" wikipedia
