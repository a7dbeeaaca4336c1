SELECT dim_high, count(*) AS "count"
FROM paper
WHERE "timestamp" >= TIMESTAMP '2026-01-01 00:00:00' AND "timestamp" < TIMESTAMP '2026-01-02 00:00:00'
GROUP BY dim_high
ORDER BY "count" ASC, dim_high ASC
LIMIT 100
