package dev.multinode.runtime.relay;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One direction of a relayed connection: reads its source into chunks and writes them to its sink
 * as the flow's faults allow, in order. Without a delay it uses one chunk, appending behind what is
 * still being written; with one, each chunk waits until the delay has passed since it was read
 * while reading goes on into further chunks, up to {@link #DELAY_CHUNKS}, and then stops, so that
 * the sender feels TCP back-pressure instead of the relay buffering without bound. While the flow
 * is held, nothing is read or written, so an end of stream waits too. Only the relay thread uses it.
 */
final class Pipe {

    /** Chunks a delayed pipe may fill before it stops reading. */
    static final int DELAY_CHUNKS = 32;
    /**
     * A delayed pipe appends a read to the last chunk while that chunk is younger than the delay
     * divided by this, so a trickle of small writes does not use up the chunks: those bytes are
     * delivered up to that fraction of the delay late, never early.
     */
    private static final int COALESCE_FRACTION = 16;

    /** No time this pipe waits for. */
    static final long NOT_WAITING = Long.MAX_VALUE;

    private final SocketChannel source;
    private final SocketChannel sink;
    private final int peer;
    private final Flow flow;
    private final FlowFaults faults;
    private final RelayCounters counters;
    private final ChunkPool pool;
    private final Chunk[] chunks = new Chunk[DELAY_CHUNKS];
    private int head;
    private int count;
    private boolean sourceEnded;
    private boolean sinkShut;
    private boolean sinkFull;
    private long waitingUntil = NOT_WAITING;

    Pipe(SocketChannel source, SocketChannel sink, int peer, Flow flow, FlowFaults faults, RelayCounters counters,
         ChunkPool pool) {
        this.source = source;
        this.sink = sink;
        this.peer = peer;
        this.flow = flow;
        this.faults = faults;
        this.counters = counters;
        this.pool = pool;
    }

    /** Delivers what may go, reads what the source has, and delivers that (or its end) if it may go at once. */
    void pump(long now) throws IOException {
        deliver(now);
        fill(now);
        deliver(now);
    }

    boolean wantsRead() {
        return !sourceEnded && !faults.held() && (count < chunkLimit() || tail().hasRoom());
    }

    boolean wantsWrite() {
        return sinkFull;
    }

    /** @return whether the source ended and the sink was told so: this direction is over */
    boolean finished() {
        return sinkShut;
    }

    /** @return the clock reading this pipe waits for (a delay's or the bandwidth's), or {@link #NOT_WAITING} */
    long waitingUntil() {
        return waitingUntil;
    }

    FlowFaults faults() {
        return faults;
    }

    /** Gives the chunks back to the pool: the connection is closed. */
    void release() {
        while (count > 0) {
            pool.give(chunks[head]);
            chunks[head] = null;
            head = (head + 1) % DELAY_CHUNKS;
            count--;
        }
    }

    private void fill(long now) throws IOException {
        while (!sourceEnded && !faults.held()) {
            Chunk target = appendable(now) ? tail() : null;
            boolean fresh = target == null;
            if (fresh) {
                if (count >= chunkLimit()) {
                    break;
                }
                target = pool.take();
            }
            int read = target.readFrom(source, now);
            if (fresh) {
                if (read > 0) {
                    chunks[(head + count) % DELAY_CHUNKS] = target;
                    count++;
                } else {
                    pool.give(target);
                }
            }
            if (read < 0) {
                sourceEnded = true;
            }
            if (read <= 0) {
                return;
            }
        }
    }

    private boolean appendable(long now) {
        if (count == 0 || !tail().hasRoom()) {
            return false;
        }
        long delay = faults.delayNanos();
        return delay == 0 || !tail().sendingStarted() && now - tail().firstReadNanos() <= delay / COALESCE_FRACTION;
    }

    private void deliver(long now) throws IOException {
        sinkFull = false;
        waitingUntil = NOT_WAITING;
        while (count > 0 && !faults.held()) {
            Chunk chunk = chunks[head];
            long delay = faults.delayNanos();
            if (delay > 0 && now - chunk.lastReadNanos() < delay) {
                waitingUntil = chunk.lastReadNanos() + delay;
                return;
            }
            long allowed = chunk.pending();
            TokenBucket bucket = faults.bucket();
            if (!bucket.unlimited()) {
                long wanted = bucket.worthWaitingFor(allowed);
                if (bucket.available(now) < wanted) {
                    waitingUntil = bucket.readyAt(wanted, now);
                    return;
                }
                allowed = Math.min(allowed, bucket.available(now));
            }
            int written = chunk.writeTo(sink, allowed);
            bucket.spend(written);
            counters.delivered(peer, flow, written);
            if (chunk.pending() > 0) {
                // the sink took less than offered: its buffer is full; else the bucket ran dry
                sinkFull = written < allowed;
                if (!sinkFull) {
                    waitingUntil = bucket.readyAt(bucket.worthWaitingFor(chunk.pending()), now);
                }
                return;
            }
            pool.give(chunk);
            chunks[head] = null;
            head = (head + 1) % DELAY_CHUNKS;
            count--;
        }
        if (count == 0 && sourceEnded && !sinkShut && !faults.held()) {
            sink.shutdownOutput();
            sinkShut = true;
        }
    }

    private int chunkLimit() {
        return faults.delayNanos() == 0 ? 1 : DELAY_CHUNKS;
    }

    private Chunk tail() {
        return chunks[(head + count - 1) % DELAY_CHUNKS];
    }
}
