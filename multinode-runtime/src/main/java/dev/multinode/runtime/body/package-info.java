/**
 * Moving a spec's body to its nodes: serializing the lambda once, checking before any node starts
 * that it captures nothing unserializable (and saying what it captured), and giving each node its
 * own deserialized copy. It knows nothing of transports or launch modes.
 */
package dev.multinode.runtime.body;
