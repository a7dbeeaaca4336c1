package io.nemeton.segment.format;

import static io.nemeton.segment.format.TableOfContentsLayout.*;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes a table of contents whose checksum already matched and checks every field: counts,
 * names, types, which regions each column has, and that regions lie between the header and the
 * table of contents without overlapping. A crafted file that passes these checks still cannot make
 * a reader touch memory outside its regions.
 */
final class TableOfContentsReader {
  private static final int SEGMENT_REGIONS = 1 << RegionKind.INFO.id();
  private static final int TIME_REGIONS = (1 << RegionKind.BLOCKS.id()) | (1 << RegionKind.VALUES.id());
  private static final int NUMERIC_OPTIONAL = 1 << RegionKind.NULLS.id();
  private static final int STRING_REGIONS = (1 << RegionKind.DICTIONARY.id()) | (1 << RegionKind.BLOCKS.id())
      | (1 << RegionKind.IDS.id()) | (1 << RegionKind.BITMAPS.id());

  private final Path file;
  private final MemorySegment toc;

  private TableOfContentsReader(Path file, MemorySegment toc) {
    this.file = file;
    this.toc = toc;
  }

  static TableOfContents read(Path file, MemorySegment toc, long tocOffset, long fileSize) {
    return new TableOfContentsReader(file, toc).read(tocOffset, fileSize);
  }

  private TableOfContents read(long tocOffset, long fileSize) {
    need(0, COLUMNS_OFFSET, "counts");
    int columnCount = toc.get(LittleEndian.INT, COLUMN_COUNT_OFFSET);
    int regionCount = toc.get(LittleEndian.INT, REGION_COUNT_OFFSET);
    if (columnCount < 1 || columnCount > MAX_COLUMNS) {
      throw fail("columnCount=" + columnCount + " must be in [1, " + MAX_COLUMNS + "]");
    }
    if (regionCount < 0 || regionCount > toc.byteSize() / REGION_ENTRY_BYTES) {
      throw fail("regionCount=" + regionCount + " does not fit in toc length=" + toc.byteSize());
    }
    List<ColumnDescriptor> columns = new ArrayList<>(columnCount);
    Set<String> names = new HashSet<>();
    long at = COLUMNS_OFFSET;
    for (int i = 0; i < columnCount; i++) {
      need(at, COLUMN_FIXED_BYTES, "column " + i);
      int nameLength = Short.toUnsignedInt(toc.get(LittleEndian.SHORT, at + COLUMN_NAME_LENGTH_OFFSET));
      int typeNameLength = Short.toUnsignedInt(toc.get(LittleEndian.SHORT, at + COLUMN_TYPE_NAME_LENGTH_OFFSET));
      need(at + COLUMN_FIXED_BYTES, (long) nameLength + typeNameLength, "column " + i + " names");
      String name = utf8(at + COLUMN_FIXED_BYTES, nameLength, "column " + i + " name");
      String typeName = utf8(at + COLUMN_FIXED_BYTES + nameLength, typeNameLength, "column " + i + " type name");
      ColumnDescriptor column = column(i, name, typeName, at);
      if (!names.add(name)) {
        throw fail("duplicate column name=" + name);
      }
      columns.add(column);
      at += COLUMN_FIXED_BYTES + nameLength + typeNameLength;
    }
    long expectedLength = at + (long) regionCount * REGION_ENTRY_BYTES;
    if (expectedLength != toc.byteSize()) {
      throw fail("length=" + toc.byteSize() + " expected=" + expectedLength + " for " + columnCount
          + " columns and " + regionCount + " regions");
    }
    RegionEntry[] regions = new RegionEntry[regionCount];
    int[] kindsSeen = new int[columnCount + 1];
    for (int r = 0; r < regionCount; r++) {
      regions[r] = region(columns, at + (long) r * REGION_ENTRY_BYTES, tocOffset, fileSize, kindsSeen);
    }
    checkNoOverlap(columns, regions);
    checkRequiredRegions(columns, kindsSeen);
    return new TableOfContents(columns, regions);
  }

  private ColumnDescriptor column(int index, String name, String typeName, long at) {
    int typeId = Byte.toUnsignedInt(toc.get(LittleEndian.BYTE, at + COLUMN_TYPE_OFFSET));
    int roleId = Byte.toUnsignedInt(toc.get(LittleEndian.BYTE, at + COLUMN_ROLE_OFFSET));
    int flags = Byte.toUnsignedInt(toc.get(LittleEndian.BYTE, at + COLUMN_FLAGS_OFFSET));
    ColumnType type = TableOfContents.typeOrNull(typeId);
    ColumnRole role = TableOfContents.roleOrNull(roleId);
    String what = "column=" + name;
    if (type == null) {
      throw fail(what + ": unknown type id=" + typeId);
    }
    if (role == null) {
      throw fail(what + ": unknown role id=" + roleId);
    }
    if ((flags & ~FLAG_MULTI_VALUE) != 0 || (flags != 0 && type != ColumnType.STRING)) {
      throw fail(what + ": flags=" + flags + " not valid for type=" + type);
    }
    if ((type == ColumnType.COMPLEX) == typeName.isEmpty()) {
      throw fail(what + ": type=" + type + " with complex type name=\"" + typeName + "\"");
    }
    boolean isTime = index == 0;
    if (isTime != name.equals(ColumnarSegment.TIME_COLUMN) || isTime != (role == ColumnRole.TIME)
        || (isTime && type != ColumnType.LONG)) {
      throw fail(what + " at index=" + index + " with type=" + type + " role=" + role
          + ": the time column must come first, be LONG with role TIME, and be the only one");
    }
    return new ColumnDescriptor(name, type, role, (flags & FLAG_MULTI_VALUE) != 0, typeName);
  }

  private RegionEntry region(List<ColumnDescriptor> columns, long at, long tocOffset, long fileSize,
      int[] kindsSeen) {
    int column = Short.toUnsignedInt(toc.get(LittleEndian.SHORT, at + REGION_COLUMN_OFFSET));
    int kindId = Byte.toUnsignedInt(toc.get(LittleEndian.BYTE, at + REGION_KIND_OFFSET));
    int crc = toc.get(LittleEndian.INT, at + REGION_CRC_OFFSET);
    long offset = toc.get(LittleEndian.LONG, at + REGION_OFFSET_OFFSET);
    long length = toc.get(LittleEndian.LONG, at + REGION_LENGTH_OFFSET);
    RegionKind kind = RegionKind.fromIdOrNull(kindId);
    if (column != SEGMENT_COLUMN && column >= columns.size()) {
      throw fail("region at toc offset=" + at + ": column index=" + column + " >= columnCount=" + columns.size());
    }
    if (kind == null) {
      throw fail("region at toc offset=" + at + ": unknown region kind=" + kindId);
    }
    String name = TableOfContents.regionName(columns, column, kind);
    int seenSlot = column == SEGMENT_COLUMN ? columns.size() : column;
    if ((kindsSeen[seenSlot] & (1 << kindId)) != 0) {
      throw fail("region=" + name + " listed twice");
    }
    kindsSeen[seenSlot] |= 1 << kindId;
    if (offset < SegmentFileLayout.HEADER_SIZE_BYTES || length < 0 || offset % SegmentFileLayout.REGION_ALIGNMENT != 0) {
      throw new SegmentCorruptException(file, name, "offset=" + offset + " length=" + length
          + " invalid (regions start 8-aligned after the " + SegmentFileLayout.HEADER_SIZE_BYTES + "-byte header)");
    }
    if (length > fileSize || offset > fileSize - length) {
      // both are non-negative here, so the unsigned sum is exact
      throw new SegmentCorruptException(file, name, "ends at offset=" + Long.toUnsignedString(offset + length)
          + " but file size=" + fileSize);
    }
    if (offset + length > tocOffset) {
      throw new SegmentCorruptException(file, name, "ends at offset=" + (offset + length)
          + " past the start of the toc at offset=" + tocOffset);
    }
    return new RegionEntry(column, kind, crc, offset, length);
  }

  private void checkNoOverlap(List<ColumnDescriptor> columns, RegionEntry[] regions) {
    RegionEntry[] sorted = regions.clone();
    Arrays.sort(sorted, Comparator.comparingLong(RegionEntry::offset));
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i].offset() < sorted[i - 1].endOffset()) {
        throw fail("region=" + TableOfContents.regionName(columns, sorted[i].column(), sorted[i].kind())
            + " at offset=" + sorted[i].offset() + " overlaps region="
            + TableOfContents.regionName(columns, sorted[i - 1].column(), sorted[i - 1].kind())
            + " ending at offset=" + sorted[i - 1].endOffset());
      }
    }
  }

  private void checkRequiredRegions(List<ColumnDescriptor> columns, int[] kindsSeen) {
    if (kindsSeen[columns.size()] != SEGMENT_REGIONS) {
      throw fail("segment regions mask=" + kindsSeen[columns.size()] + " expected=" + SEGMENT_REGIONS + " (info only)");
    }
    for (int c = 0; c < columns.size(); c++) {
      ColumnDescriptor column = columns.get(c);
      int required = switch (column.type()) {
        case LONG, FLOAT, DOUBLE, COMPLEX -> TIME_REGIONS;
        case STRING -> STRING_REGIONS;
      };
      int optional = column.type() == ColumnType.STRING || column.type() == ColumnType.COMPLEX || c == 0
          ? 0 : NUMERIC_OPTIONAL;
      if ((kindsSeen[c] & required) != required || (kindsSeen[c] & ~(required | optional)) != 0) {
        throw fail("column=" + column.name() + " type=" + column.type() + ": regions mask=" + kindsSeen[c]
            + " expected=" + required + (optional != 0 ? " plus optional " + optional : ""));
      }
    }
  }

  private String utf8(long at, int length, String what) {
    try {
      ByteBuffer bytes = toc.asSlice(at, length).asByteBuffer();
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw fail(what + " is not valid UTF-8");
    }
  }

  private void need(long at, long length, String what) {
    if (at + length > toc.byteSize()) {
      throw fail(what + " at toc offset=" + at + " needs " + length + " bytes but toc length=" + toc.byteSize());
    }
  }

  private SegmentCorruptException fail(String detail) {
    return new SegmentCorruptException(file, SegmentFileLayout.TOC_REGION, detail);
  }
}
