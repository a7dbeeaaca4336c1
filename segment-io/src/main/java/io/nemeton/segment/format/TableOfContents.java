package io.nemeton.segment.format;

import static io.nemeton.segment.format.TableOfContentsLayout.*;

import io.nemeton.memory.GrowableBytes;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The decoded table of contents of a segment file: its columns and regions. Encoding is used by
 * the writer; decoding (in {@link TableOfContentsReader}) validates every field.
 *
 * <p>Immutable and thread-safe.
 */
final class TableOfContents {
  private final List<ColumnDescriptor> columns;
  private final RegionEntry[] regions;
  /** regionIndex[column * KINDS + kind] = index into regions, or -1. */
  private final int[] regionIndex;

  private static final int KINDS = 8;

  TableOfContents(List<ColumnDescriptor> columns, RegionEntry[] regions) {
    this.columns = List.copyOf(columns);
    this.regions = regions.clone();
    this.regionIndex = new int[(columns.size() + 1) * KINDS];
    java.util.Arrays.fill(regionIndex, -1);
    for (int i = 0; i < regions.length; i++) {
      regionIndex[slot(regions[i].column(), regions[i].kind())] = i;
    }
  }

  private int slot(int column, RegionKind kind) {
    int row = column == SEGMENT_COLUMN ? columns.size() : column;
    return row * KINDS + kind.id();
  }

  List<ColumnDescriptor> columns() {
    return columns;
  }

  int regionCount() {
    return regions.length;
  }

  RegionEntry region(int index) {
    return regions[index];
  }

  /** Index of the region of {@code kind} of {@code column} (or SEGMENT_COLUMN), or -1 when absent. */
  int indexOf(int column, RegionKind kind) {
    return regionIndex[slot(column, kind)];
  }

  /** The region's name in errors: {@code column:<name>/<kind>}, or the kind for segment regions. */
  String regionName(RegionEntry entry) {
    return regionName(columns, entry.column(), entry.kind());
  }

  static String regionName(List<ColumnDescriptor> columns, int column, RegionKind kind) {
    return column == SEGMENT_COLUMN ? kind.label() : "column:" + columns.get(column).name() + "/" + kind.label();
  }

  /** Sum of the lengths of a column's regions. */
  long columnSizeBytes(int column) {
    long total = 0;
    for (RegionEntry entry : regions) {
      if (entry.column() == column) {
        total += entry.lengthBytes();
      }
    }
    return total;
  }

  /** Appends the encoded table of contents to {@code out}. */
  void encode(GrowableBytes out) {
    out.writeInt(columns.size());
    out.writeInt(regions.length);
    for (ColumnDescriptor column : columns) {
      byte[] name = column.name().getBytes(StandardCharsets.UTF_8);
      byte[] typeName = column.complexTypeName().getBytes(StandardCharsets.UTF_8);
      out.writeByte(column.type().id());
      out.writeByte(roleId(column.role()));
      out.writeByte(column.multiValue() ? FLAG_MULTI_VALUE : 0);
      out.writeByte(0);
      out.writeShort(name.length);
      out.writeShort(typeName.length);
      out.write(name);
      out.write(typeName);
    }
    for (RegionEntry entry : regions) {
      out.writeShort(entry.column());
      out.writeByte(entry.kind().id());
      out.writeByte(0);
      out.writeInt(entry.crc32c());
      out.writeLong(entry.offset());
      out.writeLong(entry.lengthBytes());
    }
  }

  static int roleId(ColumnRole role) {
    return switch (role) {
      case TIME -> ROLE_TIME;
      case DIMENSION -> ROLE_DIMENSION;
      case METRIC -> ROLE_METRIC;
    };
  }

  /** The role with on-disk {@code id}, or null. */
  static ColumnRole roleOrNull(int id) {
    return switch (id) {
      case ROLE_TIME -> ColumnRole.TIME;
      case ROLE_DIMENSION -> ColumnRole.DIMENSION;
      case ROLE_METRIC -> ColumnRole.METRIC;
      default -> null;
    };
  }

  /** The type with on-disk {@code id}, or null. */
  static ColumnType typeOrNull(int id) {
    for (ColumnType type : ColumnType.values()) {
      if (type.id() == id) {
        return type;
      }
    }
    return null;
  }

  /** Decodes and validates; see {@link TableOfContentsReader#read}. */
  static TableOfContents decode(Path file, MemorySegment toc, long tocOffset, long fileSize) {
    return TableOfContentsReader.read(file, toc, tocOffset, fileSize);
  }
}
