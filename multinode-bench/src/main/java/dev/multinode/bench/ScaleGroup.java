package dev.multinode.bench;

import dev.multinode.LaunchMode;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The scale rows of one launch mode, and the node counts that could not be measured.
 *
 * @param launch  how the nodes started
 * @param rows    the measured counts, in increasing order
 * @param skipped one line per count left out, saying why
 */
record ScaleGroup(LaunchMode launch, List<ScaleRow> rows, List<String> skipped) {

    ScaleGroup {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /** @return the fitted growth exponent of the barrier's median interval */
    double barrierGrowth() {
        return growth(row -> row.barrier().median());
    }

    /** @return the fitted growth exponent of the median time until all bodies had started */
    double startupGrowth() {
        return growth(row -> row.startup().medianToBodies());
    }

    /** @return the fitted growth exponent of the median whole run */
    double wholeRunGrowth() {
        return growth(row -> row.startup().medianWholeRun());
    }

    private double growth(ToDoubleFunction<ScaleRow> cost) {
        return GrowthFit.exponent(rows.stream().map(ScaleRow::nodes).toList(),
                rows.stream().map(cost::applyAsDouble).toList());
    }
}
