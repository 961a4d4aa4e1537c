#!/usr/bin/env bash
# The products benchmark (issue 4): GET /admin/products with Medusa's default relations, our
# server and the reference Medusa 1.20.10 side by side, on the same seeded database.
#
#   scripts/bench/products.sh            # or: just bench
#
# For each size N (BENCH_SIZES, default "1000 100000"):
#   1. database bench_products_<N> on the reference PostgreSQL: created, migrated by our
#      release binary (`medusa-admin migrate`) and seeded by seed-products.sql (N products,
#      3 options, 10 variants, 2 prices per variant, images, tags, type, collection, profile
#      and sales-channel links). A database already seeded by the same seed file is reused;
#      BENCH_RESEED=1 rebuilds it.
#   2. for each server (ours, then Medusa): SQL statements per request, counted from
#      PostgreSQL's log (log_statement=all on that database only, a separate short run of
#      sequential requests at limit 1, 10, 50 and 100); then, restarted without statement
#      logging, a warm-up and a measured wrk run at BENCH_CONNECTIONS connections:
#      requests/s, p50, p99, errors, and the server's peak RSS (VmHWM).
#   3. page 1 of both servers compared (same-page.py), child order aside.
# Results: target/bench/products-<time>/ (raw wrk output, logs, summary.md); the summary
# also replaces the generated section of docs/PERFORMANCE.md (BENCH_UPDATE_DOC=0: not).
#
# Env: see lib.sh.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESOURCE=products
SEED_SQL="$HERE/seed-products.sql"
COUNT_LIMITS="1 10 50 100"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

# measure <kind> <n>: page 1 kept for the comparison, then one wrk run into $OUT/<kind>-<n>.result
measure() {
    local kind="$1" n="$2"
    start_server "$kind" "bench_products_$n" "$OUT/$kind-$n.log"
    curl -fsS -H "x-medusa-access-token: $TOKEN" "$BASE/admin/products" -o "$OUT/$kind-$n.page1.json" \
        || die "$kind: GET /admin/products failed"
    wrk_run "$kind" "$n" "$kind-$n" "$BASE/admin/products"
    stop_server
}

# ---------------------------------------------------------------- run
KINDS="ours"
[[ "$WITH_MEDUSA" == 1 ]] && KINDS="ours medusa"
for n in $SIZES; do
    prepare_db "$n"
    for kind in $KINDS; do
        count_args=()
        for limit in $COUNT_LIMITS; do count_args+=("$limit" "/admin/products?limit=$limit"); done
        count_statements "$kind" "$n" "${count_args[@]}"
        measure "$kind" "$n"
    done
done

# ---------------------------------------------------------------- summary
{
    run_line
    machine_line
    echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up then ${DURATION}s measured, \`GET /admin/products\` (default relations, limit 50), api-token auth."
    echo
    echo "| server | products | req/s | p50 ms | p99 ms | requests | errors | peak RSS MB | SQL statements per request (limit 1 / 10 / 50 / 100) | machine |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
    for n in $SIZES; do
        for kind in $KINDS; do
            [[ -f "$OUT/$kind-$n.result" ]] || continue
            read -r rps p50 p99 requests errors rss load <"$OUT/$kind-$n.result"
            statements="$(for l in $COUNT_LIMITS; do statements_at "$kind-$n" "$l"; echo -n " / "; done | sed 's| / $||')"
            name="$kind"; [[ "$kind" == medusa ]] && name="Medusa 1.20.10"
            echo "| $name | $n | $rps | $p50 | $p99 | $requests | $errors | $rss | ${statements:-not counted} | $load |"
        done
    done
    echo
    echo "Targets:"
    first="${SIZES%% *}" last="${SIZES##* }"
    s1="$(statements_at "ours-$first" 1)" s100="$(statements_at "ours-$first" 100)"
    l1="$(statements_at "ours-$last" 1)" l100="$(statements_at "ours-$last" 100)"
    fixed="not met"; [[ -n "$s1" && "$s1" == "$s100" && "$s1" == "$l1" && "$s1" == "$l100" ]] && fixed="met"
    echo "- fixed statements per request whatever the page size: **$fixed** (ours: $s1 at limit 1, $s100 at limit 100, n=$first; $l1 / $l100 at n=$last)."
    if [[ "$first" != "$last" ]]; then
        growth="$(ratio "$(field "ours-$last" 3)" "$(field "ours-$first" 3)")"
        met="not met"; awk -v g="$growth" 'BEGIN { exit !(g + 0 > 0 && g + 0 <= 1.5) }' && met="met"
        echo "- p99 at n=$last within 1.5x of p99 at n=$first (count included): **$met** (${growth}x: $(field "ours-$last" 3) ms vs $(field "ours-$first" 3) ms)."
    fi
    if [[ "$WITH_MEDUSA" == 1 ]]; then
        for n in $SIZES; do
            times="$(ratio "$(field "ours-$n" 1)" "$(field "medusa-$n" 1)")"
            met="not met"; awk -v t="$times" 'BEGIN { exit !(t + 0 >= 30) }' && met="met"
            echo "- at least 30x Medusa's throughput, n=$n: **$met** (${times}x: $(field "ours-$n" 1) vs $(field "medusa-$n" 1) req/s)."
        done
        echo
        echo "Page 1 (limit 50) of both servers, child order aside:"
        for n in $SIZES; do
            echo "- n=$n: $(python3 "$HERE/same-page.py" "$OUT/ours-$n.page1.json" "$OUT/medusa-$n.page1.json" 2>&1)."
        done
    fi
} >"$OUT/summary.md"
cat "$OUT/summary.md"
finish
