SELECT count(*) AS "count"
FROM paper
WHERE "timestamp" >= TIMESTAMP '2026-01-01 00:00:00' AND "timestamp" < TIMESTAMP '2026-01-02 00:00:00'
