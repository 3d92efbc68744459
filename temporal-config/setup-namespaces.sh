#!/usr/bin/env bash
# Creates tenant namespaces and Barrage's search attributes with the Temporal CLI, for clusters
# where Barrage runs with temporal.manageNamespaces: false. Idempotent.
# Usage: TEMPORAL_ADDRESS=host:7233 temporal-config/setup-namespaces.sh acme globex …
# (TLS / API keys: the CLI's own TEMPORAL_TLS_* and TEMPORAL_API_KEY environment variables apply.)
set -euo pipefail
address="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
retention="${BARRAGE_RETENTION:-168h}"
temporal="${TEMPORAL_CLI_PATH:-temporal}"
attributes="BarrageEventType=Keyword BarrageSource=KeywordList BarrageDestination=Keyword BarrageStatus=Keyword BarrageAttempts=Int"
for ns in "$@"; do
  "$temporal" operator namespace describe --address "$address" -n "$ns" >/dev/null 2>&1 ||
    "$temporal" operator namespace create --address "$address" -n "$ns" --retention "$retention"
  for sa in $attributes; do
    # A new namespace is known to every frontend only after its namespace cache refreshes
    # (10 s by default): retry for a minute, then fail loudly rather than leave one out.
    for try in $(seq 1 30); do
      out=$("$temporal" operator search-attribute create --address "$address" -n "$ns" --name "${sa%=*}" --type "${sa#*=}" 2>&1) && break
      if grep -qi "already exists" <<<"$out"; then break; fi
      if [ "$try" = 30 ]; then echo "search attribute ${sa%=*} in $ns: $out" >&2; exit 1; fi
      sleep 2
    done
  done
  echo "namespace $ns ready"
done
