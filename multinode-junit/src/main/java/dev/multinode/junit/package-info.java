/**
 * JUnit 5 tests whose method is the body of every node: {@link dev.multinode.junit.MultiNodeTest}
 * and {@link dev.multinode.junit.Transports}.
 */
package dev.multinode.junit;
