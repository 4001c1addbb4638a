package dev.multinode.examples.cluster.singleton;

/**
 * What a singleton instance knows about itself.
 *
 * @param name the singleton's name
 * @param host the role of the node it runs on
 */
public record SingletonContext(String name, String host) {
}
