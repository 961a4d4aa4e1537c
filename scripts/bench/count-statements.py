#!/usr/bin/env python3
"""Counts the SQL statements one database received, from a slice of PostgreSQL's log.

    count-statements.py <log file> <start byte> <end byte> <database>

Reads the log written with `log_statement = all` and the Debian prefix
(`%m [%p] %q%u@%d `), keeps the statements of <database> between the two byte offsets,
and prints `total=<n> select=<n> other=<n>`.

Our server's event dispatcher polls its outbox twice a second from its own transaction
(`BEGIN; SELECT ... event_outbox ... FOR UPDATE SKIP LOCKED; COMMIT`); those transactions
are not caused by the requests being measured, so they are left out.
"""

import re
import sys

STATEMENT = re.compile(
    r"\[(?P<pid>\d+)\] \S*@(?P<db>\S+) LOG:  (?:statement|execute [^:]+): (?P<sql>.*)"
)
BACKGROUND_MARKER = "event_outbox"


def classify(sql: str) -> str:
    word = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
    return "select" if word in ("SELECT", "WITH") else "other"


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    path, start, end, database = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    with open(path, "rb") as log:
        log.seek(start)
        text = log.read(max(0, end - start)).decode("utf-8", "replace")

    counts = {"select": 0, "other": 0}
    # Per backend: a BEGIN not yet known to belong to a request, and whether the backend
    # is inside a background transaction.
    pending_begin: dict[str, bool] = {}
    in_background: dict[str, bool] = {}
    for line in text.splitlines():
        match = STATEMENT.search(line)
        if not match or match.group("db") != database:
            continue
        pid, sql = match.group("pid"), match.group("sql")
        keyword = sql.strip().rstrip(";").upper()
        if in_background.get(pid):
            if keyword in ("COMMIT", "ROLLBACK", "END"):
                in_background[pid] = False
            continue
        if keyword in ("BEGIN", "START TRANSACTION"):
            if pending_begin.get(pid):
                counts["other"] += 1
            pending_begin[pid] = True
            continue
        if BACKGROUND_MARKER in sql:
            if pending_begin.pop(pid, False):
                in_background[pid] = True
            continue
        if pending_begin.pop(pid, False):
            counts["other"] += 1
        counts[classify(sql)] += 1
    counts["other"] += sum(1 for waiting in pending_begin.values() if waiting)

    total = counts["select"] + counts["other"]
    print(f"total={total} select={counts['select']} other={counts['other']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
