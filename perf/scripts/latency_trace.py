#!/usr/bin/env python3
"""Where slow queries waited: joins the lines LatencyTrace writes (-Dnemeton.debug.latencyTrace=FILE)
by every process of a cluster (FILE.PID) and prints, for the last SECONDS of the broker's queries,
p50/p90/p99/max per hop and which hop held the most excess time in each query at or above the p99.

usage: latency_trace.py FILE [SECONDS]   (default 10; e.g. after ScatterGatherBenchmark --clients 1)
"""
import collections, glob, sys

prefix = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
brokers, historicals = {}, {}
for path in glob.glob(prefix + '.*'):
    lines = []
    for line in open(path):
        f = line.split()
        if f and f[0] == 'B':
            lines.append(f)
        elif f and f[0] == 'H':
            historicals[int(f[1])] = tuple(map(int, f[2:5]))
    if lines:
        brokers[path] = lines

STAGES = ['dispatch', 'parse', 'plan', 'send', 'gather', 'merge', 'json', 'write']


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


for path, lines in sorted(brokers.items(), key=lambda kv: -len(kv[1])):
    marks = [list(map(int, f[1:10])) for f in lines]
    end = max(m[0] for m in marks)
    rows = []
    for f, m in zip(lines, marks):
        if m[0] < end - seconds * 1e9:
            continue
        row = {}
        for i, name in enumerate(STAGES):
            if m[i] and m[i + 1]:
                row[name] = (m[i + 1] - m[i]) / 1e3
        calls = [c.split(':') for c in f[13:]]
        if calls:
            rid, node, sent, done, _ = max(calls, key=lambda c: int(c[3]))
            h = historicals.get(int(rid))
            if h:
                row['last call: wake'] = (h[0] - int(sent)) / 1e3
                row['last call: historical'] = (h[2] - h[0]) / 1e3
                row['last call: back'] = (int(done) - h[2]) / 1e3
                row['last call: to worker'] = (m[5] - int(done)) / 1e3
        row['worker run-queue wait'] = int(f[10]) / 1e3
        row['total'] = (m[8] - m[0]) / 1e3
        rows.append(row)
    if len(rows) < 100:
        continue
    print('%s: %d queries in the last %.0f s (µs)' % (path, len(rows), seconds))
    names = list(dict.fromkeys(k for r in rows for k in r))
    for name in names:
        v = [r[name] for r in rows if name in r]
        print('  %-24s p50 %8.1f  p90 %8.1f  p99 %8.1f  max %9.1f' % (name, pct(v, .5), pct(v, .9), pct(v, .99), max(v)))
    limit = pct([r['total'] for r in rows], .99)
    medians = {n: pct([r[n] for r in rows if n in r], .5) for n in names}
    blame = collections.Counter()
    hops = [n for n in names if n not in ('total', 'worker run-queue wait', 'gather')]
    for r in rows:
        if r['total'] >= limit:
            blame[max(hops, key=lambda n: r.get(n, 0) - medians[n])] += 1
    print('  queries >= p99 (%.0f µs), by the hop with the most excess: %s' % (limit, dict(blame.most_common())))
