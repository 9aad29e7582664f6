#!/usr/bin/env bash
# Refreshes the vendored KaTeX files the book ships (katex/): the npm package's dist build, byte for byte.
# Usage: lib/L1Lab.Authoring/Book/Assets/refresh-katex.sh [VERSION]   (needs npm; the book build itself does not)
# The tarball's integrity is checked against the registry's sha512 before anything is copied.
set -euo pipefail
version="${1:-0.19.1}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "katex@$version" >/dev/null
expected="$(npm view "katex@$version" dist.integrity)"
actual="sha512-$(openssl dgst -sha512 -binary "katex-$version.tgz" | base64 -w0)"
[ "$expected" = "$actual" ] || { echo "katex-$version.tgz: integrity $actual, registry says $expected" >&2; exit 1; }
tar xzf "katex-$version.tgz"
out="$here/katex"
rm -rf "$out"
mkdir -p "$out/fonts"
cp package/dist/katex.min.js package/dist/katex.min.css package/LICENSE "$out/"
# Chromium, Firefox, Safari and Edge all take the woff2 fonts, which the stylesheet lists first.
cp package/dist/fonts/*.woff2 "$out/fonts/"
echo "$version $expected" > "$out/VERSION"
echo "katex $version -> $out"
