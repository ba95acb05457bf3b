# Baseline for the key-driver benchmark: numpy's corrcoef over the same survey responses.
# Loading is not timed (it goes through sqlite3 and JSON); only corrcoef is.
# Usage: /usr/bin/python3 bench/numpy-corrcoef.py DB RUNS  -> JSON {"ms": median, "rows": n}
import json
import sqlite3
import sys
import time

import numpy as np

db, runs = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
aspects = json.loads(con.execute("SELECT aspects FROM survey_imports LIMIT 1").fetchone()[0])
cols = ", ".join(f"json_extract(ratings, '$.{a}')" for a in aspects)
rows = con.execute(f"SELECT outcome, {cols} FROM survey_responses").fetchall()
data = np.array(rows, dtype=np.float64).T  # one row per variable, as corrcoef wants
times = []
for _ in range(runs):
    started = time.perf_counter()
    r = np.corrcoef(data)
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(json.dumps({"ms": times[len(times) // 2], "rows": data.shape[1], "r0": r[0, 1]}))
