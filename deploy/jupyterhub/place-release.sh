#!/usr/bin/env bash
# The spawn hook's work (jupyterhub_config.py calls it as root before each learner's server starts): puts the student
# release into ~LEARNER/l1lab/notebooks/ and links ~/l1lab/lib and ~/l1lab/data to the staged course, so the notebooks'
# `#r "../lib/..."` lines and the data search work. It runs as the learner (setpriv), copies only files that are not
# there yet (cp -n), and so never overwrites a learner's work, whatever links they planted.
#   place-release.sh COURSE_PREFIX LEARNER   (as root: the hub's spawn hook)
#   place-release.sh COURSE_PREFIX           (as the learner, into $HOME: a container's start hook)
set -euo pipefail
course="$1" learner="${2:-}"
place='
  set -e
  cd "$1"
  mkdir -p l1lab/notebooks
  [ -e l1lab/lib ] || [ -L l1lab/lib ] || ln -s "$2/lib" l1lab/lib
  [ -e l1lab/data ] || [ -L l1lab/data ] || ln -s "$2/data" l1lab/data
  cp -Rn "$2/notebooks/." l1lab/notebooks/
  if [ -d "$2/notebooks.zh-CN" ]; then mkdir -p l1lab/notebooks/zh-CN && cp -Rn "$2/notebooks.zh-CN/." l1lab/notebooks/zh-CN/; fi
'
if [ -z "$learner" ]; then
  [ "$(id -u)" != 0 ] || { echo "place-release.sh: name the learner when running as root" >&2; exit 2; }
  exec /bin/sh -c "$place" place-release "$HOME" "$course"
fi
[[ "$learner" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || { echo "place-release.sh: '$learner' is not a plain user name" >&2; exit 2; }
entry="$(getent passwd "$learner")" || { echo "place-release.sh: no user $learner" >&2; exit 2; }
IFS=: read -r _ _ uid gid _ home _ <<<"$entry"
[ "$uid" != 0 ] || { echo "place-release.sh: refusing to act for root" >&2; exit 2; }
[ -d "$home" ] || { echo "place-release.sh: $learner has no home folder $home" >&2; exit 2; }
exec setpriv --reuid="$uid" --regid="$gid" --init-groups --reset-env -- /bin/sh -c "$place" place-release "$home" "$course"
