#!/usr/bin/env bash
# Creates system accounts for learners (group l1lab-learners, private homes) and prints each new one's password once.
#   add-learners.sh alice bob …     (or: add-learners.sh < class-list.txt, one name a line)
set -euo pipefail
group=l1lab-learners
names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names
getent group "$group" >/dev/null || groupadd "$group"
for name in "${names[@]}"; do
  [ -n "$name" ] || continue
  if ! [[ "$name" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]]; then
    echo "add-learners.sh: '$name' is not a plain user name (a lowercase letter or _, then lowercase letters, digits, _ or -); skipped" >&2
    continue
  fi
  if id "$name" >/dev/null 2>&1; then
    usermod -aG "$group" "$name"
    echo "$name: exists; added to $group"
    continue
  fi
  useradd -m -s /bin/bash -G "$group" "$name"
  chmod 0700 "/home/$name"
  password="$(tr -dc 'a-z0-9' </dev/urandom | head -c 12)"
  echo "$name:$password" | chpasswd
  echo "$name: password $password"
done
