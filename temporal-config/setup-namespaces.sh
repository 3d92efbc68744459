#!/usr/bin/env bash
# Creates tenant namespaces and Barrage's search attributes with the Temporal CLI, for clusters
# where Barrage runs with temporal.manageNamespaces: false. Idempotent.
# Usage: TEMPORAL_ADDRESS=host:7233 temporal-config/setup-namespaces.sh acme globex …
set -euo pipefail
address="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
retention="${BARRAGE_RETENTION:-168h}"
temporal="${TEMPORAL_CLI_PATH:-temporal}"
for ns in "$@"; do
  "$temporal" operator namespace describe --address "$address" -n "$ns" >/dev/null 2>&1 ||
    "$temporal" operator namespace create --address "$address" -n "$ns" --retention "$retention"
  for sa in BarrageEventType=Keyword BarrageSource=KeywordList BarrageDestination=Keyword BarrageStatus=Keyword BarrageAttempts=Int; do
    "$temporal" operator search-attribute create --address "$address" -n "$ns" --name "${sa%=*}" --type "${sa#*=}" >/dev/null 2>&1 || true
  done
  echo "namespace $ns ready"
done
