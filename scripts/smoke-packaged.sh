#!/usr/bin/env bash
# The published CLI works in a user's repository: packs packages/cli (its prepack builds the bundle
# dist/gen.cjs and copies schemas/ and templates/), installs the tarball into a fresh temporary
# "user repo" from the local npm cache (the package has no dependencies to fetch), and runs
# `npx gen` there on a copy of examples/govapp: generate, check, a hand edit that check catches,
# validate, and scaffolding a service from the shipped templates.
# Usage: bash scripts/smoke-packaged.sh   (needs esbuild installed: npm run build makes the bundle)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/twinform-smoke-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step() { printf '\n== %s\n' "$*"; }
fail() {
  echo "smoke-packaged: FAIL: $*" >&2
  exit 1
}

step "pack packages/cli"
(cd "$repo/packages/cli" && npm pack --silent --pack-destination "$work" >"$work/pack.txt")
tarball="$work/$(tail -n 1 "$work/pack.txt")"
[[ -f "$tarball" ]] || fail "npm pack produced no tarball ($(cat "$work/pack.txt"))"
listing="$(tar -tzf "$tarball" | sort)"
for expected in package/bin/gen.js package/dist/gen.cjs package/package.json \
  package/schemas/service.schema.json package/schemas/project.schema.json package/templates/services/node-http/template.yaml; do
  grep -qx "$expected" <<<"$listing" || fail "the tarball lacks $expected"
done
if grep -q '^package/src/\|^package/test/\|^package/dist/.*\.js$\|v8cache' <<<"$listing"; then
  fail "the tarball ships sources, tests or build leftovers:"$'\n'"$listing"
fi
echo "$(wc -l <<<"$listing") files, $(du -k "$tarball" | cut -f1) KiB"

step "install it into a fresh user repo (a copy of examples/govapp without its generated files)"
user="$work/govapp"
cp -R "$repo/examples/govapp" "$user"
rm -rf "$user/docker-compose.yml" "$user/k8s" "$user/node_modules"
cat >"$user/package.json" <<JSON
{ "name": "govapp", "private": true, "devDependencies": { "twinform": "file:$tarball" } }
JSON
(cd "$user" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)
[[ -x "$user/node_modules/.bin/gen" ]] || fail "npm install linked no gen binary"

step "npx gen --version"
version="$(cd "$user" && npx --no-install gen --version)"
[[ "$version" == "$(node -p "require('$repo/packages/cli/package.json').version")" ]] || fail "gen --version printed '$version'"

step "npx gen --root .. (from a subfolder)"
(cd "$user/services" && npx --no-install gen --root ..)
[[ -f "$user/docker-compose.yml" && -f "$user/k8s/base/kustomization.yaml" ]] || fail "gen wrote no outputs"

step "npx gen check (clean)"
(cd "$user" && npx --no-install gen check)

step "npx gen check (after a hand edit: must exit 1)"
sed -i.bak 's/^name: /name: x/' "$user/docker-compose.yml" && rm -f "$user/docker-compose.yml.bak"
set +e
(cd "$user" && npx --no-install gen check >"$work/drift.txt" 2>&1)
code=$?
set -e
[[ $code -eq 1 ]] || fail "gen check exited $code on a hand-edited file:"$'\n'"$(cat "$work/drift.txt")"
grep -q 'docker-compose.yml' "$work/drift.txt" || fail "the drift report does not name docker-compose.yml"
(cd "$user" && npx --no-install gen --force --quiet)

step "npx gen validate"
(cd "$user" && npx --no-install gen validate)

step "npx gen new service (templates shipped in the package)"
(cd "$user" && npx --no-install gen new service smoke-api --template node-http)
[[ -f "$user/services/smoke-api/service.yaml" ]] || fail "gen new wrote no service.yaml"
schema_line="$(head -n 1 "$user/services/smoke-api/service.yaml")"
schema_path="${schema_line#*\$schema=}"
[[ -f "$user/services/smoke-api/$schema_path" ]] || fail "the \$schema line points to a missing file: $schema_line"
(cd "$user" && npx --no-install gen check)

echo
echo "smoke-packaged: ok"
