package io.nemeton.metadata;

/**
 * The load/drop rules of one datasource, or the cluster default under
 * {@link RuleStore#DEFAULT_RULES_KEY}. Immutable.
 *
 * @param rulesJson a JSON array of Druid rule objects, as set
 * @param updatedMs when the rules were last set, epoch ms (0 for the built-in default)
 */
public record RuleSet(String dataSource, String rulesJson, long updatedMs) {}
