package dev.multinode.examples.specs;

import dev.multinode.examples.cluster.sharding.Entity;
import dev.multinode.examples.cluster.sharding.EntityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A sharded entity with durable state: "inc" counts and "count" tells the count, which lives in a
 * file of its own in the node's data folder. A new instance (after a restart of its node, say)
 * goes on from the count the file holds.
 */
final class DurableCounter implements Entity {

    private final Path file;
    private final Path scratch;
    private long count;

    /**
     * @param dataDir the node's data folder, which survives restarts
     * @param context the entity's id, shard and home
     * @throws UncheckedIOException if the file exists and cannot be read
     */
    DurableCounter(Path dataDir, EntityContext context) {
        this.file = dataDir.resolve(context.entityId() + ".count");
        this.scratch = dataDir.resolve(context.entityId() + ".count.tmp");
        try {
            count = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the count of " + context.entityId() + " from " + file, e);
        }
    }

    @Override
    public String onMessage(String message) {
        switch (message) {
            case "inc" -> save(count + 1);
            case "count" -> { }
            default -> throw new IllegalArgumentException("expected inc or count, got " + message);
        }
        return Long.toString(count);
    }

    /** Written aside and moved over the file, so a kill in the middle leaves the old count or the new one. */
    private void save(long next) {
        try {
            Files.writeString(scratch, Long.toString(next));
            Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the count " + next + " to " + file, e);
        }
        count = next;
    }
}
