package dev.multinode.bench;

import java.util.List;

/**
 * How a cost grows with the number of nodes: the least-squares slope of log(cost) against log(N),
 * the exponent k of cost ≈ c·N^k. 1 is linear growth, below 1 less than linear.
 */
final class GrowthFit {

    private GrowthFit() {
    }

    /**
     * @param nodes the node counts
     * @param costs the cost at each count, positive, in any unit
     * @return the fitted exponent, or NaN if fewer than two distinct counts have a positive cost
     * @throws IllegalArgumentException if the lists differ in length
     */
    static double exponent(List<Integer> nodes, List<Double> costs) {
        if (nodes.size() != costs.size()) {
            throw new IllegalArgumentException("Growth fit needs one cost per node count, got " + nodes.size()
                    + " counts and " + costs.size() + " costs");
        }
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumXy = 0;
        int points = 0;
        for (int i = 0; i < nodes.size(); i++) {
            // a cost of 0 (a start under the clock's millisecond) has no logarithm: left out
            if (costs.get(i) > 0) {
                double x = Math.log(nodes.get(i));
                double y = Math.log(costs.get(i));
                sumX += x;
                sumY += y;
                sumXx += x * x;
                sumXy += x * y;
                points++;
            }
        }
        double spread = points * sumXx - sumX * sumX;
        return points < 2 || spread == 0 ? Double.NaN : (points * sumXy - sumX * sumY) / spread;
    }
}
