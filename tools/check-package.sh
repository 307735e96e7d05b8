#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, then installed from the tarball with --omit=dev and
# --offline into an empty prefix. Fails unless the tarball holds exactly bin/ dist/ completions/
# docs/ LICENSE README.md package.json, the install prints no warning and runs no script, takes
# at most 15 MB, and the installed command works.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/*.tgz)"
listing="$(tar -tzf "$tarball" | sed 's|^package/||')"
unexpected="$(echo "$listing" | grep -Ev '^(bin/aws-iam|dist/[^/]+\.js|completions/[^/]+|docs/[^/]+\.md|LICENSE|README\.md|package\.json)$' || true)"
[ -z "$unexpected" ] || { echo "check-package: unexpected files in the tarball:"$'\n'"$unexpected"; exit 1; }
for required in LICENSE bin/aws-iam dist/aws-iam.js completions/aws-iam.bash docs/audit-mfa.md; do
  grep -qx "$required" <<<"$listing" || { echo "check-package: $required missing from the tarball"; exit 1; }
done
npm install -g --prefix "$work/prefix" --omit=dev --offline --no-audit --no-fund --foreground-scripts "$tarball" >"$work/out" 2>"$work/err"
if [ -s "$work/err" ] || grep -qv '^$\|^added 1 package' "$work/out"; then
  echo "check-package: the install printed more than it should:"; cat "$work/out" "$work/err"; exit 1
fi
kb="$(du -sk "$work/prefix" | cut -f1)"
[ "$kb" -le 15360 ] || { echo "check-package: installed size ${kb} KB is over 15 MB"; exit 1; }
version="$(cd "$work" && "$work/prefix/bin/aws-iam" --version)"
echo "check-package: tarball $(du -k "$tarball" | cut -f1) KB, installed ${kb} KB, no warnings, runs offline: $version"
