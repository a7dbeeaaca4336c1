'use strict';
// Runs plywood, the query layer Turnilo is built on, against a Nemeton server holding the
// Wikipedia sample: introspection, totals, a filtered topN, an hourly timeseries, a groupBy with a
// limit and a raw-row select. Every native query plywood sends is logged with its type, and the
// script fails unless each expected query type was sent and answered.
// Usage: node plywood-smoke.js http://127.0.0.1:8888 [dataSource]
const assert = require('assert');
const { External, $, ply, r } = require('plywood');
const { druidRequesterFactory } = require('plywood-druid-requester');

const base = new URL(process.argv[2] || 'http://127.0.0.1:8888');
const dataSource = process.argv[3] || 'wikipedia';
const druid = druidRequesterFactory({ host: base.host, timeout: 30000 });
const seen = [];

// Logs each request's query type (and granularity, limit spec and result format where present).
function requester(request) {
  const q = request.query || {};
  seen.push(q);
  const extra = [];
  if (q.granularity) extra.push('granularity=' + JSON.stringify(q.granularity));
  if (q.limitSpec) extra.push('limitSpec');
  if (q.resultFormat) extra.push('resultFormat=' + q.resultFormat);
  if (q.analysisTypes) extra.push('analysisTypes=' + JSON.stringify(q.analysisTypes));
  console.log('query', q.queryType, extra.join(' '));
  return druid(request);
}

async function main() {
  const external = External.fromJS({ engine: 'druid', source: dataSource, timeAttribute: 'time', allowSelectQueries: true }, requester);
  const introspected = await external.introspect();
  const attributes = introspected.attributes.map((a) => a.name);
  console.log('attributes', attributes.join(','));
  assert.ok(attributes.includes('page') && attributes.includes('added'), 'introspection finds page and added');

  const context = { wiki: introspected };
  const range = { start: new Date('2015-09-12T00:00:00Z'), end: new Date('2015-09-13T00:00:00Z') };
  const wiki = $('wiki').filter($('time').overlap(range));

  const totals = await ply()
    .apply('wiki', wiki)
    .apply('Rows', $('wiki').count())
    .apply('Added', $('wiki').sum('$added'))
    .compute(context);
  const totalsDatum = totals.data[0];
  console.log('totals', JSON.stringify(totalsDatum));
  assert.strictEqual(totalsDatum.Rows, 39244, 'count over the sample');

  const topPages = await ply()
    .apply('wiki', wiki.filter($('channel').is(r('#en.wikipedia'))))
    .apply('Pages', $('wiki').split('$page', 'Page').apply('Edits', $('wiki').count()).sort('$Edits', 'descending').limit(5))
    .compute(context);
  const pages = topPages.data[0].Pages.data;
  console.log('top pages', JSON.stringify(pages));
  assert.strictEqual(pages.length, 5, 'five pages');
  assert.ok(pages[0].Edits >= pages[4].Edits, 'sorted descending');

  const hourly = await ply()
    .apply('wiki', wiki)
    .apply('Hours', $('wiki').split($('time').timeBucket('PT1H', 'Etc/UTC'), 'Hour').apply('Edits', $('wiki').count()).sort('$Hour', 'ascending'))
    .compute(context);
  const hours = hourly.data[0].Hours.data;
  console.log('hours', hours.length, JSON.stringify(hours[0]));
  assert.strictEqual(hours.length, 24, 'one row per hour');
  assert.strictEqual(hours.reduce((s, h) => s + h.Edits, 0), 39244, 'hours add up to the total');

  const grouped = await ply()
    .apply('wiki', wiki)
    .apply('Pairs', $('wiki').split({ Channel: '$channel', User: '$user' }).apply('Edits', $('wiki').count()).sort('$Edits', 'descending').limit(10))
    .compute(context);
  const pairs = grouped.data[0].Pairs.data;
  console.log('channel x user', JSON.stringify(pairs.slice(0, 3)));
  assert.strictEqual(pairs.length, 10, 'ten channel/user pairs');

  const raw = await ply()
    .apply('wiki', wiki)
    .apply('Rows', $('wiki').select('page', 'channel', 'added').limit(7))
    .compute(context);
  const rows = raw.data[0].Rows.data;
  console.log('raw rows', rows.length, JSON.stringify(rows[0]));
  assert.strictEqual(rows.length, 7, 'seven raw rows');

  const types = new Set(seen.map((q) => q.queryType));
  for (const t of ['status', 'segmentMetadata', 'timeseries', 'topN', 'groupBy', 'scan']) {
    assert.ok(types.has(t), 'plywood sent a ' + t + ' query');
  }
  assert.ok(seen.some((q) => q.queryType === 'scan' && q.resultFormat === 'compactedList'), 'a compactedList scan');
  assert.ok(seen.some((q) => q.queryType === 'groupBy' && q.limitSpec), 'a groupBy with a limitSpec');
  assert.ok(seen.some((q) => q.granularity && q.granularity.type === 'period' && q.granularity.period === 'PT1H'),
    'an hourly period granularity');
  console.log('plywood smoke test passed:', [...types].join(', '));
}

main().catch((err) => {
  console.error('plywood smoke test FAILED:', err && err.stack ? err.stack : err);
  process.exit(1);
});
