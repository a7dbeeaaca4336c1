/**
 * The metadata store: segments, commit metadata, rules with audit, tasks with logs and reports,
 * and config, over SQLite or PostgreSQL. Start at {@link io.nemeton.metadata.MetadataStore}.
 */
package io.nemeton.metadata;
