/**
 * What a spec author uses: {@link dev.multinode.MultiNode#runMultiNode}, {@link dev.multinode.Node},
 * probes, barriers and faults.
 */
package dev.multinode;
