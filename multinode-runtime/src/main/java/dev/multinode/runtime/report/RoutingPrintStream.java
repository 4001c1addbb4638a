package dev.multinode.runtime.report;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Stands in for {@code System.out} or {@code System.err} while runs capture: each call goes, whole,
 * to the calling node's log, or to the original stream for threads of no node. Every method
 * delegates at the level it was called, so the original stream sees exactly the calls it would
 * have seen, in its own encoding.
 */
final class RoutingPrintStream extends PrintStream {

    private final PrintStream original;

    RoutingPrintStream(PrintStream original) {
        super(original);
        this.original = original;
    }

    private PrintStream target() {
        PrintStream log = NodeLogCapture.logOfCurrentThread();
        return log != null ? log : original;
    }

    @Override
    public void flush() {
        target().flush();
    }

    /** A node closing its standard stream must not close its log: later lines still belong there. */
    @Override
    public void close() {
        PrintStream log = NodeLogCapture.logOfCurrentThread();
        if (log != null) {
            log.flush();
        } else {
            original.close();
        }
    }

    @Override
    public boolean checkError() {
        return target().checkError();
    }

    @Override
    public void write(int b) {
        target().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target().write(bytes, offset, length);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        target().write(bytes);
    }

    @Override
    public void writeBytes(byte[] bytes) {
        target().writeBytes(bytes);
    }

    @Override
    public void print(boolean value) {
        target().print(value);
    }

    @Override
    public void print(char value) {
        target().print(value);
    }

    @Override
    public void print(int value) {
        target().print(value);
    }

    @Override
    public void print(long value) {
        target().print(value);
    }

    @Override
    public void print(float value) {
        target().print(value);
    }

    @Override
    public void print(double value) {
        target().print(value);
    }

    @Override
    public void print(char[] value) {
        target().print(value);
    }

    @Override
    public void print(String value) {
        target().print(value);
    }

    @Override
    public void print(Object value) {
        target().print(value);
    }

    @Override
    public void println() {
        target().println();
    }

    @Override
    public void println(boolean value) {
        target().println(value);
    }

    @Override
    public void println(char value) {
        target().println(value);
    }

    @Override
    public void println(int value) {
        target().println(value);
    }

    @Override
    public void println(long value) {
        target().println(value);
    }

    @Override
    public void println(float value) {
        target().println(value);
    }

    @Override
    public void println(double value) {
        target().println(value);
    }

    @Override
    public void println(char[] value) {
        target().println(value);
    }

    @Override
    public void println(String value) {
        target().println(value);
    }

    @Override
    public void println(Object value) {
        target().println(value);
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        target().printf(format, args);
        return this;
    }

    @Override
    public PrintStream printf(Locale locale, String format, Object... args) {
        target().printf(locale, format, args);
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        target().format(format, args);
        return this;
    }

    @Override
    public PrintStream format(Locale locale, String format, Object... args) {
        target().format(locale, format, args);
        return this;
    }

    @Override
    public PrintStream append(CharSequence text) {
        target().append(text);
        return this;
    }

    @Override
    public PrintStream append(CharSequence text, int start, int end) {
        target().append(text, start, end);
        return this;
    }

    @Override
    public PrintStream append(char c) {
        target().append(c);
        return this;
    }
}
