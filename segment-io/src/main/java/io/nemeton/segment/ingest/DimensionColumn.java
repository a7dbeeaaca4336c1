package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.DimensionType;

/**
 * Where a dimension lives: a string dimension in {@code RowColumns.ints[stringField.slot]}, a long
 * one in {@code longs[column]}, a float or double one in {@code doubles[column]} (floats already
 * rounded), with {@code nulls[nullColumn]} for numeric nulls; {@code inputSlot} is its long or
 * double slot in {@link InputBatch}.
 */
record DimensionColumn(String name, DimensionType type, StringField stringField, int column, int nullColumn,
    int inputSlot) {}
