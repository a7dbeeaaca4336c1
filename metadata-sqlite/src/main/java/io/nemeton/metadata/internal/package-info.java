/**
 * JDBC plumbing of the metadata store: connections, transactions, migrations, error
 * translation, shared tables. Not for use outside this module.
 */
package io.nemeton.metadata.internal;
