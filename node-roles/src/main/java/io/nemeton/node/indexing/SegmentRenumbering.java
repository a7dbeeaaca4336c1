package io.nemeton.node.indexing;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ColumnarSegment.Column;
import io.nemeton.segment.ColumnarSegment.ComplexColumn;
import io.nemeton.segment.ColumnarSegment.DoubleColumn;
import io.nemeton.segment.ColumnarSegment.FloatColumn;
import io.nemeton.segment.ColumnarSegment.LongColumn;
import io.nemeton.segment.ColumnarSegment.StringColumn;
import io.nemeton.segment.SegmentInfo;

/**
 * Gives an ingested segment another identity (version, partition) before it is written. The column
 * arrays are shared, not copied: the ingested segment is dropped afterwards. Stateless.
 */
final class SegmentRenumbering {
  private SegmentRenumbering() {}

  static ColumnarSegment withInfo(ColumnarSegment segment, SegmentInfo info) {
    if (segment.info().equals(info)) {
      return segment;
    }
    final ColumnarSegment copy = new ColumnarSegment(info, segment.rowCount()).time(segment.timesMs());
    for (Column column : segment.columns()) {
      switch (column) {
        case LongColumn c -> copy.longColumn(c.name(), c.role(), c.values(), c.nullRows());
        case FloatColumn c -> copy.floatColumn(c.name(), c.role(), c.values(), c.nullRows());
        case DoubleColumn c -> copy.doubleColumn(c.name(), c.role(), c.values(), c.nullRows());
        case StringColumn c when c.utf8() != null && c.multiValue() ->
            copy.utf8MultiValueStringColumn(c.name(), c.role(), c.utf8(), c.rowStarts(), c.ids());
        case StringColumn c when c.utf8() != null -> copy.utf8StringColumn(c.name(), c.role(), c.utf8(), c.ids());
        case StringColumn c when c.multiValue() ->
            copy.multiValueStringColumn(c.name(), c.role(), c.dictionary(), c.rowStarts(), c.ids());
        case StringColumn c -> copy.stringColumn(c.name(), c.role(), c.dictionary(), c.ids());
        case ComplexColumn c -> copy.complexColumn(c.name(), c.role(), c.typeName(), c.values());
      }
    }
    return copy;
  }
}
