#!/usr/bin/env bash
# Starts the course hub in the foreground without systemd: start-hub.sh [CONFIG_DIR] (default /etc/l1lab-hub).
# Debian's configurable-http-proxy finds its modules only through NODE_PATH when another Node.js comes first on PATH.
set -euo pipefail
config="${1:-/etc/l1lab-hub}"
cd "$config"
export NODE_PATH=/usr/share/nodejs PATH="/usr/bin:/bin:/usr/sbin:/sbin:$PATH"
exec /usr/bin/jupyterhub -f "$config/jupyterhub_config.py"
