/**
 * An unmodified Apache ZooKeeper ensemble run inside multinode nodes: each node runs one quorum peer
 * ({@link dev.multinode.examples.zookeeper.ZooKeeperPeer}), configured through the harness's ports and
 * addresses, and one client of it ({@link dev.multinode.examples.zookeeper.LocalClient}); both stop
 * with the node. Not exported: its types use ZooKeeper's, which live on the class path only.
 */
package dev.multinode.examples.zookeeper;
