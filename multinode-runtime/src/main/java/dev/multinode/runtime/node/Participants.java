package dev.multinode.runtime.node;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.agrona.collections.Object2IntHashMap;

/**
 * The run's roles as this node sees them: each role's participant index (1..N; 0 is the
 * conductor), which role is this node's, and the one error every role argument gets when it names
 * no role of the run. The lookup allocates nothing, since every send goes through it.
 */
final class Participants {

    private final String self;
    private final List<String> roles;
    private final Object2IntHashMap<String> indexOf = new Object2IntHashMap<>(-1);

    Participants(String self, List<String> roles) {
        this.self = self;
        this.roles = List.copyOf(roles);
        for (int i = 0; i < roles.size(); i++) {
            indexOf.put(roles.get(i), i + 1);
        }
    }

    /** @return this node's role */
    String self() {
        return self;
    }

    /** @return every role, in the spec's order */
    List<String> roles() {
        return roles;
    }

    /** @return how many participants the run has: the roles and the conductor */
    int count() {
        return roles.size() + 1;
    }

    /**
     * @param role a role of the run
     * @return its participant index
     * @throws IllegalArgumentException if the run has no such role
     */
    int indexOf(String role) {
        int participant = role == null ? -1 : indexOf.getValue(role);
        if (participant < 0) {
            throw new IllegalArgumentException("Unknown role '" + role + "': the roles of this run are " + roles);
        }
        return participant;
    }

    /**
     * @param participant a node's participant index, 1..N
     * @return its role
     */
    String roleOf(int participant) {
        return roles.get(participant - 1);
    }

    /**
     * @param role a role of the run
     * @return whether it is this node's
     * @throws IllegalArgumentException if the run has no such role
     */
    boolean isSelf(String role) {
        indexOf(role);
        return self.equals(role);
    }

    /**
     * @param someRoles roles of the run
     * @return whether this node's is among them
     * @throws IllegalArgumentException if one of them is no role of the run
     */
    boolean includesSelf(Set<String> someRoles) {
        someRoles.forEach(this::indexOf);
        return someRoles.contains(self);
    }

    /**
     * @param someRoles any role names
     * @return whether this node's is among them (unknown names are simply not this node's)
     */
    boolean isAnyOf(String... someRoles) {
        return Arrays.asList(someRoles).contains(self);
    }
}
