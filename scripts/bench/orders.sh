#!/usr/bin/env bash
# The orders benchmark: GET /admin/orders (default fields and relations, page of 50) and
# GET /admin/orders/{id} (with totals), our server and the reference Medusa 1.20.10 side by
# side, on the same seeded database. Same machinery as products.sh.
#
#   scripts/bench/orders.sh            # or: just bench orders
#
# For each size N (BENCH_SIZES, default "1000 100000"):
#   1. database bench_orders_<N>: created, migrated by our release binary, seeded by
#      seed-orders.sql (N orders, each with a customer, 2 addresses, 3 line items with tax
#      lines, one with a discount adjustment, a shipping method with a tax line, a captured
#      payment). Reused when seeded by the same file; BENCH_RESEED=1 rebuilds it.
#   2. for each server: SQL statements per request from PostgreSQL's log (list at limit 1,
#      10, 50; one order), then a warm-up and a measured wrk run per endpoint: requests/s,
#      p50, p99, errors, peak RSS.
#   3. the list's page 1 and the order of both servers compared (same-page.py).
# Results: target/bench/orders-<time>/; the summary replaces the generated section of
# docs/PERFORMANCE.md (BENCH_UPDATE_DOC=0: not). Env: see lib.sh.

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESOURCE=orders
SEED_SQL="$HERE/seed-orders.sql"
COUNT_LIMITS="1 10 50"
DETAIL_ID=order_bench_0000001
# shellcheck source=lib.sh
. "$HERE/lib.sh"

# measure <kind> <n>: both endpoints on one server start, into $OUT/<kind>-<n>-<endpoint>.result
measure() {
    local kind="$1" n="$2"
    start_server "$kind" "bench_orders_$n" "$OUT/$kind-$n.log"
    curl -fsS -H "x-medusa-access-token: $TOKEN" "$BASE/admin/orders" -o "$OUT/$kind-$n.list.json" \
        || die "$kind: GET /admin/orders failed"
    curl -fsS -H "x-medusa-access-token: $TOKEN" "$BASE/admin/orders/$DETAIL_ID" -o "$OUT/$kind-$n.detail.json" \
        || die "$kind: GET /admin/orders/$DETAIL_ID failed"
    wrk_run "$kind" "$n" "$kind-$n-list" "$BASE/admin/orders"
    wrk_run "$kind" "$n" "$kind-$n-detail" "$BASE/admin/orders/$DETAIL_ID"
    stop_server
}

# ---------------------------------------------------------------- run
KINDS="ours"
[[ "$WITH_MEDUSA" == 1 ]] && KINDS="ours medusa"
for n in $SIZES; do
    prepare_db "$n"
    for kind in $KINDS; do
        count_args=()
        for limit in $COUNT_LIMITS; do count_args+=("$limit" "/admin/orders?limit=$limit"); done
        count_statements "$kind" "$n" "${count_args[@]}" detail "/admin/orders/$DETAIL_ID"
        measure "$kind" "$n"
    done
done

# ---------------------------------------------------------------- summary
{
    run_line
    machine_line
    echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up then ${DURATION}s measured, api-token auth. \`list\` = \`GET /admin/orders\` (default fields and relations, limit 50, legacy \`refundable\`s), \`detail\` = \`GET /admin/orders/{id}\` (default relations, every total)."
    echo
    echo "| server | orders | endpoint | req/s | p50 ms | p99 ms | requests | errors | peak RSS MB | SQL statements per request | machine |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
    for n in $SIZES; do
        for kind in $KINDS; do
            name="$kind"; [[ "$kind" == medusa ]] && name="Medusa 1.20.10"
            for endpoint in list detail; do
                [[ -f "$OUT/$kind-$n-$endpoint.result" ]] || continue
                read -r rps p50 p99 requests errors rss load <"$OUT/$kind-$n-$endpoint.result"
                if [[ "$endpoint" == list ]]; then
                    statements="$(for l in $COUNT_LIMITS; do statements_at "$kind-$n" "$l"; echo -n " / "; done | sed 's| / $||') (limit ${COUNT_LIMITS// / \/ })"
                else
                    statements="$(statements_at "$kind-$n" detail)"
                fi
                echo "| $name | $n | $endpoint | $rps | $p50 | $p99 | $requests | $errors | $rss | ${statements:-not counted} | $load |"
            done
        done
    done
    if [[ "$WITH_MEDUSA" == 1 ]]; then
        echo
        for n in $SIZES; do
            for endpoint in list detail; do
                echo "- n=$n $endpoint: ours/Medusa throughput $(ratio "$(field "ours-$n-$endpoint" 1)" "$(field "medusa-$n-$endpoint" 1)")x; answers: $(python3 "$HERE/same-page.py" "$OUT/ours-$n.$endpoint.json" "$OUT/medusa-$n.$endpoint.json" 2>&1 | head -c 300)."
            done
        done
    fi
} >"$OUT/summary.md"
cat "$OUT/summary.md"
finish
