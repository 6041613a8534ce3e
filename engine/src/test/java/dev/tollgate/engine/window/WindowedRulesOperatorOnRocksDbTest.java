package dev.tollgate.engine.window;

import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;

/** Every windowed-rule operator test again on RocksDB, where each state access is serialized. */
class WindowedRulesOperatorOnRocksDbTest extends WindowedRulesOperatorTest {
  @Override
  StateBackend stateBackend() {
    return new EmbeddedRocksDBStateBackend();
  }
}
