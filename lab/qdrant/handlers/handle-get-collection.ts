import type { RouteHandler } from '../qdrant-context';
import { sendResult } from '../send-qdrant-response';

/** CollectionInfo: the real counts and vector params; the rest is Qdrant's single-node defaults. */
export const handleGetCollection: RouteHandler = async ({ res, startedAt, qdrant, collection }) => {
  const table = qdrant.store.table(collection);
  sendResult(res, startedAt, {
    status: 'green',
    optimizer_status: 'ok',
    indexed_vectors_count: 0,
    points_count: table.size,
    segments_count: 1,
    config: {
      params: {
        vectors: { size: table.config.size, distance: table.config.distance },
        shard_number: 1,
        replication_factor: 1,
        write_consistency_factor: 1,
        on_disk_payload: true,
      },
      hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000, max_indexing_threads: 0, on_disk: false },
      optimizer_config: {
        deleted_threshold: 0.2,
        vacuum_min_vector_number: 1000,
        default_segment_number: 0,
        max_segment_size: null,
        memmap_threshold: null,
        indexing_threshold: 10000,
        flush_interval_sec: 5,
        max_optimization_threads: null,
      },
      wal_config: { wal_capacity_mb: 32, wal_segments_ahead: 0 },
      quantization_config: null,
      strict_mode_config: { enabled: false },
    },
    payload_schema: {},
  });
};
