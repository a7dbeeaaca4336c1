SELECT count(*) AS "count"
FROM paper
WHERE "timestamp" >= TIMESTAMP '2026-01-01 06:00:00' AND "timestamp" < TIMESTAMP '2026-01-01 18:00:00'
