#!/usr/bin/env bash
# The import benchmark (issue 16): a product CSV of N variant rows (N/10 products) imported
# through the admin batch-job API, then every product exported again, by our release build
# and by the reference Medusa 1.20.10, on the same machine.
#
#   scripts/bench/import.sh              # or: just bench import
#
# For each size N of BENCH_SIZES (ours, default "1000 100000") and BENCH_MEDUSA_SIZES (Medusa,
# default "1000 10000": Medusa at 100,000 rows takes hours):
#   1. the CSV (gen-import-csv.py: 10 variants per product, 2 options, 2 currency prices and a
#      region price per variant, 2 images, 2 tags, a type);
#   2. a fresh database bench_import_<server>_<N>, migrated by the server's own migrations
#      (`medusa-admin migrate`, `medusa migrations run`) and seeded by seed-import.sql (store,
#      region, profiles, default channel, an admin with an api_token);
#   3. the server started; the CSV uploaded (POST /admin/uploads); a `product-import` job
#      created (it is pre-processed and confirmed at once, not being a dry run) and polled
#      until it completes; then a `product-export` job likewise. Rows per second of each, and
#      the server's peak RSS (VmHWM) after each;
#   4. at the smallest size, a separate run with `log_statement = all` on that database:
#      SQL statements per imported row, counted from PostgreSQL's log.
# Medusa gets a streamed local file service (medusa-local-file.js, copied into its project's
# dist/services), as its install ships none.
# Results: target/bench/import-<time>/ (logs, summary.md); the summary replaces the
# generated section of docs/PERFORMANCE.md (BENCH_UPDATE_DOC=0: not).
#
# Env: see lib.sh; also BENCH_MEDUSA_SIZES, BENCH_POLL (seconds between polls, 0.2).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RESOURCE=import
SEED_SQL="$HERE/seed-import.sql"
PROBE_PATH="/admin/batch-jobs?limit=1"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

MEDUSA_SIZES="${BENCH_MEDUSA_SIZES:-1000 10000}"
POLL="${BENCH_POLL:-0.2}"
export BENCH_MEDUSA_UPLOADS="$OUT/medusa-uploads"
# The 100,000-row CSV is about 30 MB: above our server's default upload limit (10 MB).
export UPLOAD_MAX_FILE_SIZE=$((1 << 30))
if [[ "$WITH_MEDUSA" == 1 ]]; then
    mkdir -p "$MEDUSA_HOME/app/dist/services"
    cp "$HERE/medusa-local-file.js" "$MEDUSA_HOME/app/dist/services/bench-local-file.js"
fi

# fresh_db <kind> <db>: created and migrated by that server's own migrations, then seeded.
fresh_db() {
    local kind="$1" db="$2"
    psql_value postgres "DROP DATABASE IF EXISTS $db" >/dev/null
    psql_value postgres "CREATE DATABASE $db" >/dev/null
    if [[ "$kind" == medusa ]]; then
        (cd "$MEDUSA_HOME/app" && DATABASE_URL="$PG/$db" node node_modules/@medusajs/medusa-cli/cli.js migrations run) \
            >"$OUT/migrate-$db.log" 2>&1 || { tail -20 "$OUT/migrate-$db.log" >&2; die "migration of $db failed"; }
    else
        DATABASE_URL="$PG/$db" RUST_LOG=warn "$BIN" migrate >"$OUT/migrate-$db.log" 2>&1 \
            || { tail -20 "$OUT/migrate-$db.log" >&2; die "migration of $db failed"; }
    fi
    psql_db "$db" -f "$SEED_SQL" >"$OUT/seed-$db.log" 2>&1 \
        || { tail -20 "$OUT/seed-$db.log" >&2; die "seeding $db failed"; }
}

api() { curl -fsS -m 600 -H "x-medusa-access-token: $TOKEN" "$@"; }

# run_job <json body>: creates a batch job, waits for it to end; echoes "<seconds> <status>"
run_job() {
    local body="$1" id status started
    started="$(date +%s.%N)"
    id="$(api -H 'content-type: application/json' -d "$body" "$BASE/admin/batch-jobs" | jq -r .batch_job.id)"
    [[ -n "$id" && "$id" != null ]] || die "no batch job created"
    while :; do
        status="$(api "$BASE/admin/batch-jobs/$id" | jq -r .batch_job.status)"
        case "$status" in completed | failed | canceled) break ;; esac
        sleep "$POLL"
    done
    if [[ "$status" != completed ]]; then
        api "$BASE/admin/batch-jobs/$id" | jq -c .batch_job.result >&2 || true
    fi
    awk -v a="$started" -v b="$(date +%s.%N)" -v s="$status" 'BEGIN { printf "%.2f %s\n", b - a, s }'
}

# import_and_export <kind> <n> <csv>: one line "import_s import_rows_per_s rss_after_import
# export_s export_rows_per_s rss_after_export variants load" into $OUT/<kind>-<n>.result
import_and_export() {
    local kind="$1" n="$2" csv="$3" db="bench_import_$1_$2" load key import export variants
    fresh_db "$kind" "$db"
    load="$(wait_quiet)"
    start_server "$kind" "$db" "$OUT/$kind-$n.log"
    key="$(api -F "files=@$csv;type=text/csv" "$BASE/admin/uploads" | jq -r '.uploads[0].key')"
    [[ -n "$key" && "$key" != null ]] || die "$kind: upload failed"
    log "$kind n=$n: importing"
    import="$(run_job "{\"type\":\"product-import\",\"context\":{\"fileKey\":\"$key\"},\"dry_run\":false}")"
    local rss_import
    rss_import="$(peak_rss_mb)"
    log "$kind n=$n: import $import, peak RSS $rss_import MB; exporting"
    export="$(run_job '{"type":"product-export","context":{},"dry_run":false}')"
    local rss_export
    rss_export="$(peak_rss_mb)"
    log "$kind n=$n: export $export, peak RSS $rss_export MB"
    stop_server
    variants="$(psql_value "$db" "select count(*) from product_variant where deleted_at is null")"
    [[ "$variants" == "$n" ]] || log "$kind n=$n: $variants variants in the database, not $n"
    local is es
    read -r is _ <<<"$import"
    read -r es _ <<<"$export"
    echo "$is $(ratio "$n" "$is") $rss_import $es $(ratio "$n" "$es") $rss_export $variants $load" >"$OUT/$kind-$n.result"
}

# statements_per_row <kind> <n> <csv>: the import's statements over its rows, from the log
statements_per_row() {
    local kind="$1" n="$2" csv="$3" db="bench_import_$1_$2" key start end counts
    [[ -n "$PG_LOG" ]] || return 0
    fresh_db "$kind" "$db"
    LOGGING_DB="$db"
    psql_value postgres "ALTER DATABASE $db SET log_statement = 'all'" >/dev/null
    start_server "$kind" "$db" "$OUT/$kind-$n-count.log"
    key="$(api -F "files=@$csv;type=text/csv" "$BASE/admin/uploads" | jq -r '.uploads[0].key')"
    start="$(stat -c %s "$PG_LOG")"
    run_job "{\"type\":\"product-import\",\"context\":{\"fileKey\":\"$key\"},\"dry_run\":false}" >/dev/null
    sleep 0.3
    end="$(stat -c %s "$PG_LOG")"
    stop_server
    psql_value postgres "ALTER DATABASE $db RESET log_statement" >/dev/null
    LOGGING_DB=""
    counts="$(python3 "$HERE/count-statements.py" "$PG_LOG" "$start" "$end" "$db")"
    awk -v c="${counts%% *}" -v n="$n" 'BEGIN { split(c, t, "="); printf "%.1f\n", t[2] / n }' >"$OUT/$kind-$n.statements"
    log "$kind n=$n: $counts over the import ($(cat "$OUT/$kind-$n.statements") per row)"
}

# ---------------------------------------------------------------- run
ALL_SIZES="$(printf '%s\n' $SIZES $([[ "$WITH_MEDUSA" == 1 ]] && echo $MEDUSA_SIZES) | sort -n | uniq | tr '\n' ' ')"
SMALLEST="${ALL_SIZES%% *}"
for n in $ALL_SIZES; do
    csv="$OUT/products-$n.csv"
    python3 "$HERE/gen-import-csv.py" "$n" "$csv"
    log "n=$n: $(du -h "$csv" | cut -f1) CSV"
    if [[ " $SIZES " == *" $n "* ]]; then
        [[ "$n" == "$SMALLEST" ]] && statements_per_row ours "$n" "$csv"
        import_and_export ours "$n" "$csv"
    fi
    if [[ "$WITH_MEDUSA" == 1 && " $MEDUSA_SIZES " == *" $n "* ]]; then
        [[ "$n" == "$SMALLEST" ]] && statements_per_row medusa "$n" "$csv"
        import_and_export medusa "$n" "$csv"
    fi
    [[ "$KEEP_DB" == 1 ]] || psql_value postgres "DROP DATABASE IF EXISTS bench_import_ours_$n" >/dev/null
    rm -f "$csv"
done

# ---------------------------------------------------------------- summary
{
    run_line
    machine_line
    echo "One CSV of N variant rows (N/10 products, 3 prices each), through \`POST /admin/uploads\` and a \`product-import\` batch job, then a \`product-export\` of every product; times from the job's creation to \`completed\`, polled every ${POLL}s."
    echo
    echo "| server | rows | import s | import rows/s | peak RSS after import MB | export s | export rows/s | peak RSS after export MB | SQL statements per imported row | machine |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for n in $ALL_SIZES; do
        for kind in ours medusa; do
            [[ -f "$OUT/$kind-$n.result" ]] || continue
            read -r is ir ri es er re _ load <"$OUT/$kind-$n.result"
            name="$kind"; [[ "$kind" == medusa ]] && name="Medusa 1.20.10"
            echo "| $name | $n | $is | $ir | $ri | $es | $er | $re | $(cat "$OUT/$kind-$n.statements" 2>/dev/null || echo -) | $load |"
        done
    done
    echo
    echo "Targets:"
    for n in $ALL_SIZES; do
        [[ -f "$OUT/ours-$n.result" && -f "$OUT/medusa-$n.result" ]] || continue
        times="$(ratio "$(field "ours-$n" 2)" "$(field "medusa-$n" 2)")"
        met="not met"; awk -v t="$times" 'BEGIN { exit !(t + 0 >= 20) }' && met="met"
        echo "- at least 20x Medusa's import rows/s, n=$n: **$met** (${times}x: $(field "ours-$n" 2) vs $(field "medusa-$n" 2) rows/s); export ${n}: $(ratio "$(field "ours-$n" 5)" "$(field "medusa-$n" 5)")x."
    done
    first="${SIZES%% *}" last="${SIZES##* }"
    if [[ "$first" != "$last" && -f "$OUT/ours-$first.result" && -f "$OUT/ours-$last.result" ]]; then
        echo "- peak memory flat in the file size (ours): $(field "ours-$first" 6) MB at $first rows, $(field "ours-$last" 6) MB at $last rows ($(ratio "$(field "ours-$last" 6)" "$(field "ours-$first" 6)")x for $(ratio "$last" "$first")x the rows)."
    fi
} >"$OUT/summary.md"
cat "$OUT/summary.md"
finish
