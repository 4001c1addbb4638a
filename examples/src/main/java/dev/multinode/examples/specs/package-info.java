/**
 * Real multi-node specs of the example cluster, each written once as a static {@code run} method
 * that JUnit tests and the program {@link dev.multinode.examples.specs.RunExampleSpecs} both call:
 * {@link dev.multinode.examples.specs.ShardingRebalanceSpec},
 * {@link dev.multinode.examples.specs.PubSubSpec} and
 * {@link dev.multinode.examples.specs.SingletonFailoverSpec}. Each runs unchanged over any transport
 * and launch mode.
 */
package dev.multinode.examples.specs;
