# Shared by the scripts/: where things are, and the environment every build
# and test needs. Source it; it defines functions and changes nothing else.
SHOPCORE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHOPCORE_BUILD="${SHOPCORE_BUILD:-$SHOPCORE_ROOT/build}"
SHOPCORE_JOBS="${SHOPCORE_JOBS:-$(nproc)}"
# Debian's emcc runs its optimizer with Node and imports acorn from here.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

say() { printf '\n== %s\n' "$*"; }
