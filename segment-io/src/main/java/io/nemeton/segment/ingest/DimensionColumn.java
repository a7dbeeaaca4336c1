package io.nemeton.segment.ingest;

import io.nemeton.segment.ingest.spec.DimensionType;

/**
 * Where a dimension lives: a string dimension in code column {@code stringField.slot} of {@link RowStore}, a long
 * one in long column {@code column}, a float or double one in double column {@code column} (floats already
 * rounded), with null column {@code nullColumn} for numeric nulls; {@code inputSlot} is its long or
 * double slot in {@link InputBatch}.
 */
record DimensionColumn(String name, DimensionType type, StringField stringField, int column, int nullColumn,
    int inputSlot) {}
