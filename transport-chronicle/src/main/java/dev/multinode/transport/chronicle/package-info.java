/**
 * The {@code chronicle} transport: participants in separate JVMs of one host exchange frames through
 * Chronicle Queue files in the run directory.
 *
 * <h2>Layout</h2>
 * <pre>
 * &lt;runDirectory&gt;/queues/
 *     0-conductor/            the inbox of participant 0
 *         metadata.cq4t       Chronicle's table: write lock, directory listing
 *         20260101F.cq4       one file per UTC day (roll cycle FAST_DAILY)
 *     1-node-a/               the inbox of participant 1
 *     ...
 * </pre>
 * <ul>
 *   <li>One queue per receiving participant, its inbox, in {@code queues/<index>-<name>}; characters
 *       of the name other than letters, digits, '.', '_' and '-' become '_'.</li>
 *   <li>Every sender appends to the receiver's inbox, whichever JVM it lives in; Chronicle's write
 *       lock in {@code metadata.cq4t} lets appenders of several processes share one queue. A
 *       process killed in the middle of an append leaves that lock held; the other writers wait
 *       one second (not Chronicle's default ten), then Chronicle breaks it since its holder is
 *       dead. A live holder that is only slow is waited for, up to ten seconds.</li>
 *   <li>Each endpoint tails only its own inbox, from the start, so frames sent before it opened are
 *       delivered as well. A tailer reads documents in append order, so frames from one sender
 *       arrive in the order it sent them.</li>
 *   <li>Each document is one frame: sender index (int), type (byte), payload bytes, written raw.</li>
 *   <li>The roll cycle is daily: a short run writes one file per inbox, two if it spans midnight
 *       UTC. The block size is Chronicle's 64 MiB, raised for frame limits above 16 MiB since a
 *       document may take at most a quarter of a block; the files are sparse.</li>
 * </ul>
 *
 * <h2>Processes and threads</h2>
 * In process mode each JVM opens its own transport from the same context, hence the same run
 * directory; no property needs handing down. In thread mode one transport holds every endpoint.
 * Either way a JVM opens every inbox, appends through one appender per inbox guarded by a lock, and
 * tails the inboxes of its own endpoints. The queues are kept when a run fails, as a record of every
 * frame, and the runtime deletes them after a passing run; {@code close()} unmaps every file first.
 *
 * <h2>JVM flags</h2>
 * Every JVM that loads this transport needs the flags of
 * {@link dev.multinode.transport.chronicle.ChronicleTransportProvider#jvmFlags()}: module access for
 * Chronicle and Agrona, analytics off, Chronicle's banner and helper threads off, and JNA's native
 * library unpacked in the temporary folder rather than the user's home.
 */
package dev.multinode.transport.chronicle;
