#!/usr/bin/env bash
# secure-setup (docker-compose.yml, profile 'secure'): as the super user, give every component its SCRAM
# credential (principals.txt) and its ACLs (acls.txt). Idempotent: running it again changes nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin=/opt/kafka/bin
admin="$here/clients/admin.properties"
: "${BOOTSTRAP:?set BOOTSTRAP to the brokers' INTERNAL listeners}"

while read -r name password; do
  case "$name" in ''|'#'*) continue ;; esac
  "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$admin" --alter \
    --entity-type users --entity-name "$name" --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
done < "$here/principals.txt"

while read -r principal resource pattern name operations; do
  case "$principal" in ''|'#'*) continue ;; esac
  case "$resource" in
    topic) target=(--topic "$name") ;;
    group) target=(--group "$name") ;;
    transactional-id) target=(--transactional-id "$name") ;;
    *) echo "acls.txt: unknown resource '$resource' for $principal" >&2; exit 1 ;;
  esac
  ops=()
  IFS=',' read -ra list <<< "$operations"
  for op in "${list[@]}"; do ops+=(--operation "$op"); done
  "$bin/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$admin" --add --force \
    --allow-principal "User:$principal" --resource-pattern-type "$pattern" "${target[@]}" "${ops[@]}"
done < "$here/acls.txt"

echo "secure-setup: principals and ACLs in place"
