package dev.multinode.transport.sim;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the simulated network takes to deliver a frame, drawn from the run's seed. Written as
 * {@code fixed:<d>}, {@code uniform:<min>..<max>} or {@code exponential:<mean>} (its draws capped
 * at {@value #EXPONENTIAL_CAP} times the mean, so that one draw cannot stall a run), each duration
 * a number with a unit of {@code ns}, {@code us}, {@code ms} or {@code s}.
 */
final class LatencyModel {

    /** The system property that chooses the model. */
    static final String PROPERTY = "multinode.sim.latency";
    /** Frames take between 50 µs and 2 ms: enough spread that frames on different links cross. */
    static final String DEFAULT = "uniform:50us..2ms";
    private static final int EXPONENTIAL_CAP = 20;
    private static final String ACCEPTED = "accepted are fixed:<d>, uniform:<min>..<max> and exponential:<mean>,"
            + " each <d> a number with ns, us, ms or s (e.g. " + DEFAULT + ")";
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s)");

    private enum Shape { FIXED, UNIFORM, EXPONENTIAL }

    private final Shape shape;
    private final long first;
    private final long second;
    private final String text;

    private LatencyModel(Shape shape, long first, long second, String text) {
        this.shape = shape;
        this.first = first;
        this.second = second;
        this.text = text;
    }

    /**
     * @param text the model, as written in {@value #PROPERTY}
     * @return the model
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    static LatencyModel parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        if (colon > 0) {
            String kind = trimmed.substring(0, colon);
            String arguments = trimmed.substring(colon + 1);
            switch (kind) {
                case "fixed" -> {
                    return new LatencyModel(Shape.FIXED, nanos(arguments, text), 0, text);
                }
                case "exponential" -> {
                    long mean = nanos(arguments, text);
                    if (mean > 0) {
                        return new LatencyModel(Shape.EXPONENTIAL, mean, 0, text);
                    }
                }
                case "uniform" -> {
                    int dots = arguments.indexOf("..");
                    if (dots > 0) {
                        long min = nanos(arguments.substring(0, dots), text);
                        long max = nanos(arguments.substring(dots + 2), text);
                        if (min <= max) {
                            return new LatencyModel(Shape.UNIFORM, min, max, text);
                        }
                    }
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException(PROPERTY + "=" + text + " is not a latency model: " + ACCEPTED);
    }

    private static long nanos(String duration, String whole) {
        Matcher matcher = DURATION.matcher(duration.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(PROPERTY + "=" + whole + ": '" + duration.trim() + "' is not a duration: "
                    + ACCEPTED);
        }
        double value = Double.parseDouble(matcher.group(1));
        double unit = switch (matcher.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        return Math.round(value * unit);
    }

    /**
     * @param random the network's draws
     * @return the next frame's latency, in nanoseconds
     */
    long draw(SplittableRandom random) {
        return switch (shape) {
            case FIXED -> first;
            case UNIFORM -> first == second ? first : random.nextLong(first, second + 1);
            case EXPONENTIAL -> Math.min(EXPONENTIAL_CAP * first, Math.round(-first * Math.log(1 - random.nextDouble())));
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
