# Shared helpers for Qadam's scripts: start the services the platform and its tests
# need, installing them from Debian's packages when they are missing. Source it.

log() { printf '[qadam] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  log "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL on 127.0.0.1:5432 with a role qadam/qadam that may create databases.
# Exports QADAM_TEST_POSTGRES_URL (the admin database the tests create theirs from).
ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'qadam') THEN
        CREATE ROLE qadam LOGIN PASSWORD 'qadam' CREATEDB;
      END IF; END \\\$\\\$;\"" >/dev/null
  export QADAM_TEST_POSTGRES_URL="${QADAM_TEST_POSTGRES_URL:-postgres://qadam:qadam@127.0.0.1:5432/postgres?gssencmode=disable}"
}

# A running Docker engine (dockerd from Debian's docker.io when absent), started with
# user namespaces so that root in a grading container is an unprivileged user on the
# host. An engine that we started earlier without them is restarted with them.
ensure_docker() {
  if docker info >/dev/null 2>&1; then
    if engine_remaps_users || [ ! -f /var/run/qadam-dockerd.pid ]; then return 0; fi
    log "restarting the dockerd we started, now with --userns-remap=default"
    as_root kill "$(cat /var/run/qadam-dockerd.pid)" || true
    for _ in $(seq 1 30); do docker info >/dev/null 2>&1 || break; sleep 1; done
  fi
  if ! command -v dockerd >/dev/null; then apt_install docker.io; fi
  log "starting dockerd with user namespaces (log: /var/log/qadam-dockerd.log)"
  as_root sh -c 'nohup setsid dockerd --userns-remap=default --pidfile /var/run/qadam-dockerd.pid \
    >/var/log/qadam-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
  log "dockerd did not start; see /var/log/qadam-dockerd.log"
  return 1
}

engine_remaps_users() {
  docker info --format '{{.SecurityOptions}}' 2>/dev/null | grep -q userns
}

# The grader images, built offline from the machine's Debian mirror when absent.
# Unchanged images are kept (their tags hash their folders).
ensure_grader_images() {
  ensure_docker
  if ! command -v mmdebstrap >/dev/null; then apt_install mmdebstrap; fi
  cargo build --quiet --bin qadam
  "${CARGO_TARGET_DIR:-target}/debug/qadam" images build --offline --dir grader-images
}

# Headless Chromium and its WebDriver for the browser tests (tests/web.rs), from
# Debian's packages.
ensure_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}
