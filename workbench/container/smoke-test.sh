#!/usr/bin/env bash
# Builds the workbench image from workbench/Dockerfile and starts it with PostgreSQL through
# workbench/compose.yaml (+ compose.local.yaml) with podman-compose, then checks what a wellbeing
# area relies on: health check, /healthz and the signed feed from the host, the signing key read
# from the mounted secret, add-maintainer through the built CLI, sign-in, the refusal to start
# when the secret is missing. Everything runs under its own compose project and is removed at
# the end (KEEP=1 leaves it running); workbench/.env and workbench/secrets/ are not touched.
#
# Needs: podman, podman-compose, curl, and `npm ci` done in this checkout (the key is made with
# `npm run catalogue -- keygen`, the feed checked with the extension's own verifyDetached).
# Not part of `npm test` or CI: CI has no container engine. docs/workbench.md, "Verified on".
#
#   workbench/container/smoke-test.sh
#   PODMAN_ARGS='--runtime runc' DEBIAN_IMAGE=localhost/debian-base:bookworm workbench/container/smoke-test.sh
#
# Environment (defaults in brackets):
#   BASE_IMAGE      Node 20 image for the build [localhost/node-base:20; node:20-bookworm-slim with a registry]
#   POSTGRES_IMAGE  [localhost/postgres-local, built from workbench/container/local-postgres when missing;
#                   postgres:16 with a registry]
#   DEBIAN_IMAGE    base for that local PostgreSQL image [debian:bookworm-slim]
#   PODMAN_ARGS     global podman flags, e.g. '--runtime runc' [none]
#   BUILD_ULIMITS   [--ulimit nofile=1024:1024 --ulimit nproc=4096:4096] (the same as compose.local.yaml)
#   SMOKE_PORT      host port for the workbench [18080]
#   KEEP=1          leave the stack running (remove it with the printed command)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export BASE_IMAGE="${BASE_IMAGE:-localhost/node-base:20}"
export POSTGRES_IMAGE="${POSTGRES_IMAGE:-localhost/postgres-local}"
DEBIAN_IMAGE="${DEBIAN_IMAGE:-debian:bookworm-slim}"
read -r -a PODMAN_FLAGS <<< "${PODMAN_ARGS:-}"
read -r -a ULIMITS <<< "${BUILD_ULIMITS:---ulimit nofile=1024:1024 --ulimit nproc=4096:4096}"
PORT="${SMOKE_PORT:-18080}"
PROJECT=jarjestoopas-smoke
IMAGE=jarjestoopas-workbench:local # the image name in compose.yaml
WB="${PROJECT}_workbench_1"
PG="${PROJECT}_postgres_1"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jarjestoopas-smoke.XXXXXX")"

podman_() { podman "${PODMAN_FLAGS[@]}" "$@"; }
compose() {
  podman-compose --podman-args="${PODMAN_ARGS:-}" -p "$PROJECT" \
    -f "$WORK/compose.yaml" -f "$WORK/compose.local.yaml" "$@"
}
step() { printf '\n== %s\n' "$*"; }
ok() { printf 'OK   %s\n' "$*"; }
fail() {
  printf 'FAIL %s\n' "$*" >&2
  podman_ logs --tail 30 "$WB" >&2 2>&1 || true
  exit 1
}

cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    printf '\nKEEP=1: left running. Remove with:\n  podman-compose -p %s -f %s/compose.yaml -f %s/compose.local.yaml down -v; podman network rm %s_default\n' \
      "$PROJECT" "$WORK" "$WORK" "$PROJECT"
    return
  fi
  if [ -f "$WORK/compose.yaml" ]; then compose down -v > "$WORK/down.log" 2>&1 || true; fi
  podman_ rm -f -v "$WB" "$PG" smoke-no-secret smoke-no-key-variable > /dev/null 2>&1 || true
  podman_ volume rm -f "${PROJECT}_pgdata" > /dev/null 2>&1 || true
  podman_ network rm -f "${PROJECT}_default" > /dev/null 2>&1 || true
  rm -rf "$WORK" 2> /dev/null || podman_ unshare rm -rf "$WORK"
}
trap cleanup EXIT

step "0. clean start (an earlier run's leftovers)"
mkdir -p "$WORK/secrets"
cp workbench/compose.yaml workbench/compose.local.yaml "$WORK/"
compose down -v > /dev/null 2>&1 || true
podman_ rm -f -v "$WB" "$PG" smoke-no-secret smoke-no-key-variable > /dev/null 2>&1 || true
podman_ volume rm -f "${PROJECT}_pgdata" > /dev/null 2>&1 || true
podman_ network rm -f "${PROJECT}_default" > /dev/null 2>&1 || true
ok "no $PROJECT containers, volume or network"

step "1. images"
if ! podman_ image exists "$BASE_IMAGE"; then
  case "$BASE_IMAGE" in
    localhost/*) fail "$BASE_IMAGE is missing: make a Node 20 base (docs/workbench.md, \"Without registry access\") or set BASE_IMAGE" ;;
  esac
fi
if ! podman_ image exists "$POSTGRES_IMAGE" && [ "$POSTGRES_IMAGE" = localhost/postgres-local ]; then
  podman_ build "${ULIMITS[@]}" --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" -t localhost/postgres-local \
    -f workbench/container/local-postgres/Containerfile workbench/container/local-postgres > "$WORK/postgres-build.log" 2>&1 ||
    { tail -20 "$WORK/postgres-build.log"; fail "building localhost/postgres-local"; }
fi
echo "+ podman ${PODMAN_ARGS:-} build --format docker ${ULIMITS[*]} --build-arg BASE_IMAGE=$BASE_IMAGE -f workbench/Dockerfile -t $IMAGE ."
podman_ build --format docker "${ULIMITS[@]}" --build-arg BASE_IMAGE="$BASE_IMAGE" \
  -f workbench/Dockerfile -t "$IMAGE" . > "$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; fail "podman build"; }
grep -E '^workbench/dist/|^added [0-9]+ packages' "$WORK/build.log" || true
[ "$(podman_ image inspect "$IMAGE" --format '{{json .Config.Healthcheck}}')" != null ] || fail "the image has no HEALTHCHECK"
ok "built $IMAGE on $BASE_IMAGE (HEALTHCHECK kept)"
podman_ run --rm "${ULIMITS[@]}" --entrypoint sh "$IMAGE" -c \
  'echo "user $(id -un) ($(id -u)), node $(node --version), node_modules $(du -sm node_modules | cut -f1) MB"' 2> /dev/null

step "2. secret and environment (own copies, not workbench/.env or workbench/secrets/)"
npm run -s catalogue -- keygen --out "$WORK/secrets/signing-key.json" | grep -E '^Key id' || fail "keygen"
PUBLIC_KEY="$(node -p "JSON.parse(require('fs').readFileSync('$WORK/secrets/signing-key.json', 'utf8')).publicKey")"
# The image runs as uid 1000; the key file stays unreadable to everyone else. Rootless podman
# maps uids, so there the owner is set inside the user namespace.
chmod 0640 "$WORK/secrets/signing-key.json"
if [ "$(podman_ info --format '{{.Host.Security.Rootless}}')" = true ]; then
  podman_ unshare chown 1000:1000 "$WORK/secrets/signing-key.json"
else
  chgrp 1000 "$WORK/secrets/signing-key.json"
fi
PASSWORD="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
printf 'POSTGRES_PASSWORD=%s\nWORKBENCH_PUBLIC_URL=https://opas.example.fi\nWORKBENCH_PORT=%s\nBASE_IMAGE=%s\nPOSTGRES_IMAGE=%s\n' \
  "$PASSWORD" "$PORT" "$BASE_IMAGE" "$POSTGRES_IMAGE" > "$WORK/.env"
ok "key file $WORK/secrets/signing-key.json, .env with a random POSTGRES_PASSWORD"

step "3. podman-compose up (compose.yaml + compose.local.yaml)"
echo "+ podman-compose --podman-args='${PODMAN_ARGS:-}' -p $PROJECT -f compose.yaml -f compose.local.yaml up -d --no-build"
compose up -d --no-build > "$WORK/up.log" 2>&1 || { tail -30 "$WORK/up.log"; fail "podman-compose up"; }
grep -E '^podman (run|create) ' "$WORK/up.log" | sed -E 's/POSTGRES_PASSWORD=[^ ]+/POSTGRES_PASSWORD=…/; s#workbench:[0-9a-f]{48}@#workbench:…@#'

step "4. health: PostgreSQL, then the workbench (podman healthcheck run)"
# Without systemd podman schedules no health checks, so ask them here.
healthy() {
  local name="$1" tries="$2"
  for _ in $(seq 1 "$tries"); do
    podman_ healthcheck run "$name" > /dev/null 2>&1 && return 0
    sleep 2
  done
  return 1
}
healthy "$PG" 60 || fail "$PG never healthy"
ok "$PG: $(podman_ exec "$PG" pg_isready -U workbench -d workbench) ($(podman_ exec "$PG" postgres --version))"
healthy "$WB" 90 || fail "$WB never healthy"
ok "$WB healthy: $(podman_ inspect "$WB" --format '{{.State.Health.Status}}, restarts {{.RestartCount}}')"
# Into a variable first: `podman logs | grep -q` fails under pipefail when grep stops reading.
LOGS="$(podman_ logs "$WB" 2>&1)"
grep -E 'workbench on|^Feed:|Imported' <<< "$LOGS" | tail -3
grep -q 'database: PostgreSQL (DATABASE_URL)' <<< "$LOGS" || fail "the workbench does not say it runs on PostgreSQL"
ok "the workbench runs on PostgreSQL"

step "5. from the host: /healthz and the signed feed"
[ "$(curl -fsS "http://127.0.0.1:$PORT/healthz")" = '{"ok":true}' ] || fail "/healthz"
ok 'GET /healthz → {"ok":true}'
curl -fsS -o "$WORK/feed.json" -D "$WORK/feed.headers" "http://127.0.0.1:$PORT/feed/catalogue.json" || fail "/feed/catalogue.json"
curl -fsS -o "$WORK/feed.sig" "http://127.0.0.1:$PORT/feed/catalogue.json.sig" || fail "/feed/catalogue.json.sig"
ok "GET /feed/catalogue.json → $(wc -c < "$WORK/feed.json") bytes, $(grep -i '^etag' "$WORK/feed.headers" | tr -d '\r')"
VERDICT="$(npx tsx --input-type=module --eval "
import { readFileSync } from 'node:fs';
import { verifyDetached } from './utils/sync/signature.ts';
const bytes = new Uint8Array(readFileSync('$WORK/feed.json'));
console.log(await verifyDetached(bytes, readFileSync('$WORK/feed.sig', 'utf8'), ['$PUBLIC_KEY']));
")"
[ "$VERDICT" = valid ] || fail "feed signature with the mounted key: $VERDICT"
ok "feed signature verified with the secret's public key (the extension's verifyDetached): $VERDICT"
grep -qF "public key $PUBLIC_KEY" <<< "$LOGS" || fail "the workbench did not use the mounted key"
ok "the workbench signs with the key mounted at /run/secrets/signing-key.json"

step "6. add-maintainer through the built CLI, then sign in"
echo 'a long smoke-test passphrase' | podman_ exec -i "$WB" node workbench/dist/cli.js add-maintainer smoke@example.fi ||
  fail "add-maintainer"
STATUS="$(curl -s -o /dev/null -D "$WORK/login.headers" -w '%{http_code}' -X POST \
  --data-urlencode email=smoke@example.fi --data-urlencode 'password=a long smoke-test passphrase' \
  --data-urlencode next=/ "http://127.0.0.1:$PORT/login")"
[ "$STATUS" = 303 ] && grep -qi '^set-cookie: wb_signin=' "$WORK/login.headers" || fail "sign-in answered $STATUS"
ok "POST /login → 303, $(grep -i '^set-cookie' "$WORK/login.headers" | sed -E 's/wb_signin=[^;]+/wb_signin=…/' | tr -d '\r')"
ok "in PostgreSQL: $(podman_ exec "$PG" psql -U workbench -d workbench -tAc \
  "select count(*) || ' maintainer(s), ' || (select count(*) from records) || ' records, ' || (select count(*) from feed_revisions) || ' feed revision(s)' from maintainers")"

step "7. the secret missing: the start is refused"
set +e
OUT="$(podman_ run --name smoke-no-secret "${ULIMITS[@]}" --network "${PROJECT}_default" \
  -e DATABASE_URL="postgres://workbench:$PASSWORD@postgres:5432/workbench" \
  -e WORKBENCH_PUBLIC_URL=https://opas.example.fi \
  -e WORKBENCH_SIGNING_KEY_FILE=/run/secrets/signing-key.json "$IMAGE" 2>&1)"
CODE=$?
set -e
podman_ rm -f smoke-no-secret > /dev/null 2>&1 || true
echo "$OUT" | grep -F 'workbench:' || true
[ "$CODE" -ne 0 ] && grep -q 'does not exist' <<< "$OUT" || fail "started without the mounted key (exit $CODE)"
ok "WORKBENCH_SIGNING_KEY_FILE named but not mounted: exit $CODE, no start"
# Without the variable at all (production image, NODE_ENV=production): issue 19 L6 asks for a
# refusal; until that is merged the workbench makes a development key. Reported, not asserted.
# PGlite inside the container (no DATABASE_URL), so that nothing but the key decides.
podman_ run -d --name smoke-no-key-variable "${ULIMITS[@]}" -e WORKBENCH_PUBLIC_URL=https://opas.example.fi "$IMAGE" > /dev/null
for _ in $(seq 1 60); do
  OUT="$(podman_ logs smoke-no-key-variable 2>&1)"
  grep -qE 'DEVELOPMENT signing key|^Feed:' <<< "$OUT" && break
  [ "$(podman_ inspect smoke-no-key-variable --format '{{.State.Running}}')" = true ] || break
  sleep 2
done
STATE="$(podman_ inspect smoke-no-key-variable --format 'running={{.State.Running}} exit={{.State.ExitCode}}')"
podman_ rm -f smoke-no-key-variable > /dev/null 2>&1 || true
if grep -q 'DEVELOPMENT signing key' <<< "$OUT"; then
  echo "NOTE without WORKBENCH_SIGNING_KEY_FILE the production image still starts with a development key ($STATE; issue 19 L6 open):"
  echo "$OUT" | grep 'DEVELOPMENT signing key'
else
  echo "$OUT" | grep -F 'workbench:' | head -2
  ok "without WORKBENCH_SIGNING_KEY_FILE the production image does not start on a key of its own ($STATE)"
fi

printf '\nAll checks passed.\n'
