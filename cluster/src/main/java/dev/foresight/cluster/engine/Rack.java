package dev.foresight.cluster.engine;

/**
 * A rack: nodes sharing a top-of-rack switch, power distribution and a cold-aisle position. Nodes
 * fill racks in index order ({@link dev.foresight.cluster.Scenario#rackIndexOf}); inlet temperature by
 * rack position is the telemetry's business.
 */
record Rack(int index, String id) {}
