package dev.multinode.consumer;

import dev.multinode.consumers.spec.TwoNodeSpec;

/** Runs the two-node spec in each mode its arguments name ({@code transport/launch}), and says so after each. */
public final class ConsumerMain {

    private ConsumerMain() {
    }

    /**
     * @param modes such as {@code inproc/thread tcp/process}
     */
    public static void main(String[] modes) {
        for (String mode : modes) {
            new TwoNodeSpec().accept(mode);
            System.out.println("passed " + mode);
        }
    }
}
