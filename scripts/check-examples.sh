#!/usr/bin/env bash
# Checks every example project under examples/: its committed generated files are current
# (`gen check`), and, when the shared validator is present next to the repo, they pass it: compose
# schema, strict Kubernetes schemas, restricted Pod Security, cross-references, and every overlay
# built with `kubectl kustomize`. Run from anywhere: bash scripts/check-examples.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen="$repo/node_modules/.bin/gen"
validator="$repo/../shared/tools/validate/dist/validate.mjs"

if [[ ! -x "$gen" ]]; then
  echo "error: $gen not found: run 'npm ci' (or 'npm install') in $repo first" >&2
  exit 1
fi
if [[ ! -f "$validator" ]]; then
  echo "note: $validator not found: only 'gen check' runs"
  validator=""
fi

passed=0
failed=0
failures=()

# run LABEL COMMAND...: runs one check, prints its output only when it fails, and counts it.
run() {
  local label="$1"
  shift
  local output
  if output="$("$@" 2>&1)"; then
    passed=$((passed + 1))
    echo "ok    $label"
  else
    failed=$((failed + 1))
    failures+=("$label")
    echo "FAIL  $label"
    printf '%s\n' "$output" | sed 's/^/      /'
  fi
}

# Output locations come from the project file (output.compose, output.kubernetes), with the defaults.
output_paths() {
  (cd "$repo" && node -e '
    const { parse } = require("yaml");
    const project = parse(require("fs").readFileSync(process.argv[1], "utf8")) ?? {};
    console.log(project.output?.compose ?? "docker-compose.yml");
    console.log(project.output?.kubernetes ?? "k8s");
  ' "$1")
}

examples=0
for project_file in "$repo"/examples/*/twinform.yaml; do
  [[ -f "$project_file" ]] || continue
  examples=$((examples + 1))
  dir="$(dirname "$project_file")"
  name="examples/$(basename "$dir")"
  run "$name: gen check" bash -c 'cd "$1" && "$2" check --no-color' _ "$dir" "$gen"

  [[ -n "$validator" ]] || continue
  { read -r compose_file; read -r k8s_dir; } < <(output_paths "$project_file")
  run "$name: validate $compose_file + $k8s_dir/base" \
    node "$validator" --pss restricted --cross-refs \
    --compose "$dir/$compose_file" --k8s "$dir/$k8s_dir/base"
  for overlay in "$dir/$k8s_dir"/overlays/*/; do
    [[ -f "$overlay/kustomization.yaml" ]] || continue
    overlay="${overlay%/}"
    run "$name: validate overlay ${overlay#"$dir/"}" \
      node "$validator" --pss restricted --cross-refs --kustomize "$overlay"
  done
done

if [[ $examples -eq 0 ]]; then
  echo "error: no examples/*/twinform.yaml found under $repo" >&2
  exit 1
fi

echo "${passed} passed, ${failed} failed"
if [[ $failed -gt 0 ]]; then
  printf 'failed: %s\n' "${failures[@]}" >&2
  exit 1
fi
