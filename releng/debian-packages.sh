# Sourced by ./edgeworks test, releng/org.edgeworks.benchmarks/run.sh and .ci/run (issue 13):
#   need_debian_packages PKG...
# Installs the Debian packages that are missing when run as root (apt-get), else prints the one
# apt-get line that would install them and returns 1. Nothing else is ever installed.
need_debian_packages() {
  command -v dpkg-query >/dev/null || return 0   # not Debian: nothing to check here
  local missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "edgeworks: installing Debian packages:$missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2 && return 0
    echo "edgeworks: apt-get could not install:$missing" >&2
    return 1
  fi
  echo "edgeworks: needs Debian packages:$missing; run as root: apt-get install -y --no-install-recommends$missing" >&2
  return 1
}
