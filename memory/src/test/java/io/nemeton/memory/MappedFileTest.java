package io.nemeton.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.memory.testing.LeakCheckExtension;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheckExtension.class)
class MappedFileTest {
  @TempDir Path dir;

  @Test
  void mapsAndCountsTheMapping() throws Exception {
    Path file = dir.resolve("f.bin");
    Files.write(file, new byte[] {1, 2, 3, 4});
    int before = MemoryAccounting.openMappings();
    try (MappedFile mapped = MappedFile.open(file)) {
      assertEquals(4, mapped.sizeBytes());
      assertEquals(3, mapped.segment().get(ValueLayout.JAVA_BYTE, 2));
      assertEquals(before + 1, MemoryAccounting.openMappings());
    }
    assertEquals(before, MemoryAccounting.openMappings());
  }

  @Test
  void accessAfterCloseFailsCleanly() throws Exception {
    Path file = dir.resolve("g.bin");
    Files.write(file, new byte[] {9});
    MappedFile mapped = MappedFile.open(file);
    mapped.close();
    assertThrows(IllegalStateException.class, () -> mapped.segment().get(ValueLayout.JAVA_BYTE, 0));
  }
}
