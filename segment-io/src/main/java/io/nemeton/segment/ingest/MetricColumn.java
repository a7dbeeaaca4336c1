package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.MetricKind;
import io.nemeton.segment.ingest.spec.MetricSpec;

/**
 * Where a metric's state lives in {@link RowStore} (and {@link RowColumns}), by kind; {@code longs[c]} means long column c, and so on:
 *
 * <ul>
 *   <li>count, long sum/min/max: {@code longs[valueColumn]} (+ {@code nulls[nullColumn]} except count);
 *   <li>double and float sum/min/max: {@code doubles[valueColumn]}, {@code nulls[nullColumn]};
 *   <li>long/double/float first/last: {@code longs[timeColumn]} (event time), the value as above;
 *   <li>string first/last: {@code longs[timeColumn]}, the chosen code in {@code longs[valueColumn]};
 *   <li>sketches: {@code objects[objectColumn]} holds serialized state, or null while the row still
 *       holds only its raw input: {@code ints[inputColumn]} (string inputs) or {@code
 *       doubles[inputColumn]} with {@code nulls[inputNullColumn]} (quantiles).
 * </ul>
 *
 * {@code inputSlot} is the input's long, double or string slot in {@link InputBatch}.
 */
record MetricColumn(MetricSpec spec, MetricKind kind, int valueColumn, int nullColumn, int timeColumn,
    int objectColumn, int inputSlot, int inputColumn, int inputNullColumn, StringField inputField) {}
