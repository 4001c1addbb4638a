/**
 * Starting the nodes of a run in each launch mode (threads of this JVM, child JVMs, nodes that join
 * from elsewhere) and making sure none outlives it: the node JVMs' main classes, what a child needs
 * to join, the class-data archive that speeds child start-up. A launcher only starts, watches and
 * stops nodes; what a node does once started is the node package's.
 */
package dev.multinode.runtime.launch;
