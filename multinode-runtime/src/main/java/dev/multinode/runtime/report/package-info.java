/**
 * What a run leaves behind in its folder: each node's log (routing a thread-mode node's output to
 * it while the run goes on), the merged log, {@code timeline.html} and {@code result.json}, written
 * from the record of the finished run. It watches and writes; it never changes how a run goes.
 */
package dev.multinode.runtime.report;
