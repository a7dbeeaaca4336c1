SELECT count(*) AS "count", sum(metric1) AS sum_metric1
FROM paper
WHERE "timestamp" >= TIMESTAMP '2026-01-01 00:00:00' AND "timestamp" < TIMESTAMP '2026-01-02 00:00:00'
