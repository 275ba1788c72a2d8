#!/usr/bin/env bash
# After the action's runs: each function's $LATEST is as deployed (memory 256 MB, the template's description) and no
# lambda-power-gate alias (lpg-*) or version (described "lambda-power-gate <run> <memory> MB …") is left.
# Usage: e2e/assert.sh FUNCTION...   (the tuning role's credentials suffice: docs/SECURITY.md's policy)
set -euo pipefail
status=0
for fn in "$@"; do
  memory=$(aws lambda get-function-configuration --function-name "$fn" --query MemorySize --output text)
  description=$(aws lambda get-function-configuration --function-name "$fn" --query Description --output text)
  aliases=$(aws lambda list-aliases --function-name "$fn" --query "Aliases[?starts_with(Name, 'lpg-')].Name" --output text)
  versions=$(aws lambda list-versions-by-function --function-name "$fn" \
    --query "Versions[?Version!='\$LATEST' && starts_with(Description, 'lambda-power-gate ')].Version" --output text)
  echo "$fn: $memory MB, description \"$description\", lpg aliases [${aliases}], lambda-power-gate versions [${versions}]"
  if [ "$memory" != 256 ]; then echo "::error::$fn: MemorySize is $memory, was 256"; status=1; fi
  case "$description" in
    "Tuned by the lambda-power-gate e2e workflow ("*")") ;;
    *) echo "::error::$fn: Description is \"$description\", not the deployed one"; status=1 ;;
  esac
  if [ -n "$aliases" ]; then echo "::error::$fn: aliases left behind: $aliases"; status=1; fi
  if [ -n "$versions" ]; then echo "::error::$fn: versions left behind: $versions"; status=1; fi
done
exit $status
