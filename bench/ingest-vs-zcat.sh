#!/usr/bin/env bash
# Times `papergraph ingest` of a gzipped JSONL corpus against `zcat` of the same file on the same machine,
# and prints both figures and their ratio (the target is at most 3x).
# Usage: bench/ingest-vs-zcat.sh [corpus.jsonl.gz] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/corpus/abstracts-200k.jsonl.gz}
runs=${2:-3}
[ -f "$corpus" ] || { echo "corpus not found: $corpus (pass a .jsonl.gz file)" >&2; exit 2; }

dotnet build src/PaperGraph.Cli -c Release -nologo -v quiet >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true   # idle compiler servers would otherwise skew the timings
cli=src/PaperGraph.Cli/bin/Release/net10.0/papergraph.dll
workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'; }
best() { sort -n | head -1; }

zcat_best=$(for _ in $(seq "$runs"); do seconds zcat "$corpus"; done | best)
ingest_best=$(for _ in $(seq "$runs"); do rm -rf "$workspace/ws"; seconds dotnet "$cli" ingest "$corpus" --workspace "$workspace/ws" --quiet; done | best)

printf 'machine: %s, %s cores\n' "$(uname -m)" "$(nproc)"
printf 'corpus:  %s (%s bytes)\n' "$corpus" "$(stat -c %s "$corpus")"
printf 'zcat:    %.2f s (best of %d)\n' "$zcat_best" "$runs"
printf 'ingest:  %.2f s (best of %d, fresh workspace each run)\n' "$ingest_best" "$runs"
awk -v i="$ingest_best" -v z="$zcat_best" 'BEGIN { printf "ratio:   %.2fx (target <= 3x)\n", i / z }'
