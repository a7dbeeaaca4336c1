SELECT count(*) AS "count", sum(metric1) AS sum_metric1, sum(metric2) AS sum_metric2,
       sum(metric3) AS sum_metric3, sum(metric4) AS sum_metric4
FROM paper
WHERE "timestamp" >= TIMESTAMP '2026-01-01 00:00:00' AND "timestamp" < TIMESTAMP '2026-01-02 00:00:00'
