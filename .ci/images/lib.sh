# Sourced by .ci/images/*/build.sh. Images are tagged with a hash of their recipe:
#   localhost/<name>:<hash>. A build is skipped when that tag exists; older tags of the
#   same name are removed after a rebuild. Logs go to stderr; the image reference is the
#   only thing a build.sh prints on stdout.
set -euo pipefail

log() { echo "[image] $*" >&2; }

# recipe_hash FILE_OR_TEXT...: 16 hex digits over the given files (or literal strings)
recipe_hash() {
  local x
  for x in "$@"; do
    if [ -f "$x" ]; then cat "$x"; else printf '%s\n' "$x"; fi
  done | sha256sum | cut -c1-16
}

# image_current REF: true when REF is already built
image_current() { podman image exists "$1"; }

# prune_old NAME KEEP_REF: drop other hash tags of NAME (keeps disk use flat)
prune_old() {
  local name=$1 keep=$2 ref
  for ref in $(podman images --format '{{.Repository}}:{{.Tag}}' --filter "reference=$name" 2>/dev/null); do
    [ "$ref" = "$keep" ] || podman rmi "$ref" >/dev/null 2>&1 || true
  done
}
