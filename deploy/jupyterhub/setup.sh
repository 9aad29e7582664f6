#!/usr/bin/env bash
# Turns a fresh Debian 12 server into an L1Lab course server: Debian's JupyterHub and proxy, bubblewrap for sandboxed
# grading, the .NET SDK, the course built once, the L1Lab kernel installed for every user, the student release staged
# for the spawn hook, and the hub's configuration. Run as root from a clone of the repository:
#   sudo deploy/jupyterhub/setup.sh            # then: deploy/jupyterhub/add-learners.sh alice bob …; start the hub
# Options (the hub test and the dev container use them):
#   --no-apt            do not install Debian packages (they are already there)
#   --app DIR           use this already-built l1lab app folder (lib/L1Lab.Cli/bin/…/net10.0) instead of building
#   --prefix DIR        where the public course files go (default /opt/l1lab-course): app/, lib/, data/, notebooks/
#   --config-dir DIR    where jupyterhub_config.py and the hub's state go (default /etc/l1lab-hub)
#   --kernel-prefix DIR where the kernelspec goes (default /usr/local: every user's Jupyter finds it)
#   --no-hub            stage the course and the kernel only (a single-user image or a dev container)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
apt=1 app="" prefix=/opt/l1lab-course config=/etc/l1lab-hub kernel_prefix=/usr/local hub=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-apt) apt=0 ;;
    --app) app="$2"; shift ;;
    --prefix) prefix="$2"; shift ;;
    --config-dir) config="$2"; shift ;;
    --kernel-prefix) kernel_prefix="$2"; shift ;;
    --no-hub) hub=0 ;;
    *) echo "setup.sh: unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "setup: $*"; }

if [ "$apt" = 1 ]; then
  say "Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  pkgs=(bubblewrap util-linux python3-jupyter-client jupyter-notebook)
  [ "$hub" = 1 ] && pkgs+=(jupyterhub node-configurable-http-proxy)
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
    # Debian 12 does not package .NET; Microsoft's Debian repository does (https://learn.microsoft.com/dotnet/core/install/linux-debian).
    say ".NET SDK 10 from packages.microsoft.com"
    apt-get install -y -qq --no-install-recommends wget ca-certificates >/dev/null
    wget -q https://packages.microsoft.com/config/debian/12/packages-microsoft-prod.deb -O /tmp/packages-microsoft-prod.deb
    dpkg -i /tmp/packages-microsoft-prod.deb >/dev/null
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends dotnet-sdk-10.0 >/dev/null
  fi
fi

if [ -z "$app" ]; then
  say "building the course once (Release)"
  (cd "$repo" && dotnet build lib/L1Lab.Cli -c Release -v quiet -nologo)
  app="$repo/lib/L1Lab.Cli/bin/Release/net10.0"
fi
[ -f "$app/L1Lab.Cli.dll" ] || { echo "setup.sh: --app $app: no L1Lab.Cli.dll there; build lib/L1Lab.Cli first" >&2; exit 2; }
[ -f "$repo/lib/L1Lab/bin/notebooks/L1Lab.dll" ] || { echo "setup.sh: $repo/lib/L1Lab/bin/notebooks/L1Lab.dll is missing; build lib/L1Lab.Cli first" >&2; exit 2; }

# Public, read-only for learners: the program, the library the notebooks reference, the data, the student release.
# The key (notebooks/ with solutions) stays in the repository, which learners cannot read.
say "staging the course in $prefix"
mkdir -p "$prefix"
rm -rf "$prefix/app.new" && cp -a "$app" "$prefix/app.new" && rm -rf "$prefix/app" && mv "$prefix/app.new" "$prefix/app"
mkdir -p "$prefix/lib/L1Lab/bin"
rm -rf "$prefix/lib/L1Lab/bin/notebooks" && cp -a "$repo/lib/L1Lab/bin/notebooks" "$prefix/lib/L1Lab/bin/notebooks"
rm -rf "$prefix/data" && cp -a "$repo/data" "$prefix/data"
l1lab=("$prefix/app/l1lab")
[ -x "${l1lab[0]}" ] || l1lab=(dotnet "$prefix/app/L1Lab.Cli.dll")
rm -rf "$prefix/notebooks" "$prefix/notebooks.zh-CN"
"${l1lab[@]}" workshop release "$repo"/notebooks/*.ipynb --out "$prefix/notebooks" >/dev/null
if ls "$repo"/notebooks/zh-CN/*.ipynb >/dev/null 2>&1; then
  "${l1lab[@]}" workshop release "$repo"/notebooks/zh-CN/*.ipynb --out "$prefix/notebooks.zh-CN" >/dev/null
fi
chmod -R a+rX "$prefix"
chmod 0755 "$prefix"

say "installing the L1Lab kernel under $kernel_prefix"
"${l1lab[@]}" kernel install --prefix "$kernel_prefix" >/dev/null
chmod -R a+rX "$kernel_prefix/share/jupyter/kernels"

if [ "$hub" = 1 ]; then
  say "hub configuration in $config"
  mkdir -p "$config"
  chmod 0700 "$config"
  install -m 0644 "$here/jupyterhub_config.py" "$config/jupyterhub_config.py"
  install -m 0755 "$here/place-release.sh" "$config/place-release.sh"
  # Settings the config reads; edit them here or with the environment variables it names.
  cat > "$config/l1lab-hub.json" <<JSON
{"course": "$prefix", "kernel_path": "$kernel_prefix/share/jupyter", "place_release": "$config/place-release.sh"}
JSON
  if [ -d /run/systemd/system ]; then
    install -m 0644 "$here/l1lab-hub.service" /etc/systemd/system/l1lab-hub.service
    sed -i "s|/etc/l1lab-hub|$config|g" /etc/systemd/system/l1lab-hub.service
    systemctl daemon-reload
    say "start the hub with: systemctl enable --now l1lab-hub"
  else
    say "no systemd here; start the hub with: $here/start-hub.sh $config"
  fi
fi
say "done"
