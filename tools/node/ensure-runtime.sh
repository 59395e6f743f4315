#!/usr/bin/env bash
# The project runs on the Node.js LTS named in .node-version. When the machine's `node` is older,
# the official binary is installed from the npm registry (node-linux-<arch>) into the git-ignored
# .runtime/ folder, once. Source this file to put that runtime first on PATH, or run it with
# --print-bin to get its bin directory (tools/run.js does that when started by an older node).
_bekasi_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_bekasi_want="$(tr -d '[:space:]' < "$_bekasi_root/.node-version")"
_bekasi_have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
_bekasi_bin=""
if [ "$_bekasi_have" -lt "${_bekasi_want%%.*}" ]; then
  case "$(uname -m)" in x86_64) _bekasi_arch=x64 ;; aarch64|arm64) _bekasi_arch=arm64 ;; *) _bekasi_arch="$(uname -m)" ;; esac
  _bekasi_dir="$_bekasi_root/.runtime/node-$_bekasi_want"
  _bekasi_bin="$_bekasi_dir/node_modules/node-linux-$_bekasi_arch/bin"
  if [ ! -x "$_bekasi_bin/node" ]; then
    mkdir -p "$_bekasi_dir"
    # Several scripts may start at once (npm start launches every service): install once.
    (
      flock 9
      if [ ! -x "$_bekasi_bin/node" ]; then
        echo "node $(node --version 2>/dev/null || echo missing) is older than $_bekasi_want: installing node-linux-$_bekasi_arch@$_bekasi_want into .runtime/" >&2
        npm install --prefix "$_bekasi_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
          "node-linux-$_bekasi_arch@$_bekasi_want" >&2
      fi
    ) 9>"$_bekasi_root/.runtime/.install.lock"
    [ -x "$_bekasi_bin/node" ] || { echo "could not install Node.js $_bekasi_want from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_bekasi_bin:$PATH"
fi
if [ "${1:-}" = "--print-bin" ]; then
  if [ -n "$_bekasi_bin" ]; then echo "$_bekasi_bin"; else dirname "$(command -v node)"; fi
fi
