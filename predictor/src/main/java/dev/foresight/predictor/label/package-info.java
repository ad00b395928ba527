/**
 * From a node's failures and repairs to window labels: {@link dev.foresight.predictor.label.Labeller}
 * decides, {@link dev.foresight.predictor.label.PendingWindows} holds windows until it can.
 */
package dev.foresight.predictor.label;
