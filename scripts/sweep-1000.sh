#!/usr/bin/env bash
# The 1,000-draw sweep of the 2025 replay (issue 16) on the BullMQ queue: starts redis-server on a
# free loopback port, two `lancaster worker` processes (one job each, the compiled build), runs
#   lancaster sweep sweeps/us-china-2025-long-run-1000.yaml --redis URL --out DIR
# and prints the wall time, the draws present in the bands and the draws that failed or did not
# converge; then stops everything it started (by pid, also on Ctrl-C).
#
#   scripts/sweep-1000.sh [--draws N] [--out DIR] [--workers N]   # defaults: the file's 1000, sweep-1000-report, 2
#
# Needs redis-server (Debian: apt-get install -y redis-server) and the build (npm run build:lib;
# the script says so when src/ is newer). Run it on a quiet machine: the figure goes to docs/scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."

draws=""
out="sweep-1000-report"
workers=2
while [ $# -gt 0 ]; do
  case "$1" in
    --draws) draws="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    *) echo "sweep-1000.sh: expected --draws N, --out DIR or --workers N, found \"$1\"" >&2; exit 2 ;;
  esac
done

command -v redis-server >/dev/null || { echo "sweep-1000.sh: expected redis-server on PATH, found none (apt-get install -y redis-server)" >&2; exit 2; }
[ -e dist/.built ] || { echo "sweep-1000.sh: expected the compiled build in dist/, found none: run npm run build:lib" >&2; exit 2; }
if [ -n "$(find src -name '*.ts' ! -name '*.test.ts' -newer dist/.built -print -quit)" ]; then
  echo "sweep-1000.sh: src/ changed after the last build: run npm run build:lib first (submitter and workers must run the same code)" >&2
  exit 2
fi

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
url="redis://127.0.0.1:${port}"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp" --logfile "$tmp/redis.log" &
pids+=($!)
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$port" ping >/dev/null || { echo "sweep-1000.sh: redis-server did not answer on port $port (log: $tmp/redis.log)" >&2; exit 1; }

queue="sweep1000-$$"
for k in $(seq "$workers"); do
  node bin/lancaster.js worker --redis "$url" --queue "$queue" --concurrency 1 >"$tmp/worker-$k.out" 2>"$tmp/worker-$k.err" &
  pids+=($!)
done
for k in $(seq "$workers"); do
  for _ in $(seq 300); do [ -s "$tmp/worker-$k.out" ] && break; sleep 0.1; done
  [ -s "$tmp/worker-$k.out" ] || { echo "sweep-1000.sh: worker $k did not start:" >&2; cat "$tmp/worker-$k.err" >&2; exit 1; }
done
echo "sweep-1000.sh: redis-server on $url, $workers workers on queue $queue; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

start="$(date +%s.%N)"
set +e
node bin/lancaster.js sweep sweeps/us-china-2025-long-run-1000.yaml ${draws:+--draws "$draws"} --redis "$url" --queue "$queue" --out "$out" >"$tmp/sweep.txt"
rc=$?
set -e
end="$(date +%s.%N)"

node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const p = r.points[0];
console.log(`wall ${(Number(process.argv[2]) - Number(process.argv[3])).toFixed(1)} s (sweep ${r.seconds.toFixed(1)} s) on ${r.executor}`);
console.log(`draws: ${p.draws.used} of ${p.draws.requested} in the bands, ${p.draws.failed.length} failed, ${p.draws.not_converged.length} not converged; central ${p.central_error ? "FAILED" : p.result.status}; status ${r.status}`);
' "$out/sweep.json" "$end" "$start" || { echo "sweep-1000.sh: no sweep.json in $out (lancaster sweep exited $rc)" >&2; exit 1; }
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg); report: $out/sweep.json, $out/sweep.html" >&2
exit "$rc"
