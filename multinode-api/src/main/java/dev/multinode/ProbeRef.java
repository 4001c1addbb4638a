package dev.multinode;

import java.io.Serializable;
import java.util.Objects;

/**
 * The address of a {@link MultiNodeProbe}: the role it lives on and its name. A probe ref can be
 * sent inside probe messages and captured by a node body.
 *
 * @param role the role of the node that owns the probe
 * @param name the probe's name, unique on that node
 */
public record ProbeRef(String role, String name) implements Serializable {

    /**
     * Creates a probe address.
     *
     * @param role the owning role
     * @param name the probe's name
     */
    public ProbeRef {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name + "@" + role;
    }
}
