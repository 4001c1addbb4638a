package dev.multinode.examples.cluster.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageFieldsTest {

    @Test
    void stringsRoundTripIncludingEmptyAndNonAscii() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        MessageFields.putString(buffer, "");
        MessageFields.putString(buffer, "node-a");
        MessageFields.putString(buffer, "żółw 🐢 ünïcödé");
        buffer.flip();
        assertEquals("", MessageFields.getString(buffer, "s"));
        assertEquals("node-a", MessageFields.getString(buffer, "s"));
        assertEquals("żółw 🐢 ünïcödé", MessageFields.getString(buffer, "s"));
        assertFalse(buffer.hasRemaining());
    }

    @Test
    void stringLengthBeyondTheFrameIsMalformed() {
        ByteBuffer buffer = ByteBuffer.allocate(8).putInt(1_000_000).put((byte) 'a').flip();
        MalformedMessageException e =
                assertThrows(MalformedMessageException.class, () -> MessageFields.getString(buffer, "topic"));
        assertEquals("topic: length 1000000 but 1 bytes remain", e.getMessage());
    }

    @Test
    void negativeStringLengthIsMalformed() {
        ByteBuffer buffer = ByteBuffer.allocate(4).putInt(-1).flip();
        assertThrows(MalformedMessageException.class, () -> MessageFields.getString(buffer, "role"));
    }

    @Test
    void invalidUtf8IsMalformed() {
        ByteBuffer buffer = ByteBuffer.allocate(6).putInt(2).put((byte) 0xc3).put((byte) 0x28).flip();
        MalformedMessageException e =
                assertThrows(MalformedMessageException.class, () -> MessageFields.getString(buffer, "name"));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void truncatedNumbersAreMalformedAndNameTheField() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> MessageFields.getLong(ByteBuffer.allocate(3), "version"));
        assertEquals("version: needs 8 bytes but 3 remain", e.getMessage());
        assertThrows(MalformedMessageException.class, () -> MessageFields.getInt(ByteBuffer.allocate(0), "shard"));
        assertThrows(MalformedMessageException.class, () -> MessageFields.getByte(ByteBuffer.allocate(0), "hops"));
    }

    @Test
    void booleansAcceptOnlyZeroAndOne() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(3);
        MessageFields.putBoolean(buffer, true);
        MessageFields.putBoolean(buffer, false);
        buffer.put((byte) 2).flip();
        assertTrue(MessageFields.getBoolean(buffer, "b"));
        assertFalse(MessageFields.getBoolean(buffer, "b"));
        assertThrows(MalformedMessageException.class, () -> MessageFields.getBoolean(buffer, "b"));
    }

    @Test
    void enumsRoundTripAndRejectOrdinalsOutOfRange() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(3);
        MessageFields.putEnum(buffer, TimeUnit.HOURS);
        buffer.put((byte) 7).put((byte) -1).flip();
        assertEquals(TimeUnit.HOURS, MessageFields.getEnum(buffer, TimeUnit.values(), "unit"));
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> MessageFields.getEnum(buffer, TimeUnit.values(), "unit"));
        assertEquals("unit: ordinal 7 is not one of 0..6", e.getMessage());
        assertThrows(MalformedMessageException.class, () -> MessageFields.getEnum(buffer, TimeUnit.values(), "unit"));
    }

    @Test
    void countsThatCannotFitInTheFrameAreRejectedBeforeAllocating() throws Exception {
        ByteBuffer fits = ByteBuffer.allocate(12).putInt(2).putInt(0).putInt(0).flip();
        assertEquals(2, MessageFields.getCount(fits, "shards", Integer.BYTES));
        ByteBuffer forged = ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0).putInt(0).flip();
        assertThrows(MalformedMessageException.class, () -> MessageFields.getCount(forged, "shards", Integer.BYTES));
        ByteBuffer negative = ByteBuffer.allocate(4).putInt(-3).flip();
        assertThrows(MalformedMessageException.class, () -> MessageFields.getCount(negative, "shards", Integer.BYTES));
    }
}
