package io.nemeton.metadata;

/**
 * One recorded change. Immutable.
 *
 * @param type what changed: {@code "rules"} or {@code "config"}
 * @param key the datasource (rules) or config key
 * @param auditTimeMs when the change was made, epoch ms
 * @param payloadJson the value after the change
 */
public record AuditEntry(String type, String key, AuditInfo info, long auditTimeMs,
    String payloadJson) {}
