package dev.multinode.runtime.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the role list of a spec before any node starts. */
public final class RoleNames {

    /** Role names double as thread names, log prefixes and folder names, so they stay plain. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final String RESERVED = "conductor";

    private RoleNames() {
    }

    /**
     * @param roles the roles of a spec
     * @return the same roles, as an immutable list
     * @throws IllegalArgumentException naming the bad role and what is accepted
     */
    public static List<String> validate(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A multi-node spec needs at least one role; the role list was "
                    + (roles == null ? "null" : "empty"));
        }
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < roles.size(); index++) {
            String role = roles.get(index);
            if (role == null || !VALID.matcher(role).matches()) {
                throw new IllegalArgumentException("Invalid role name " + quote(role) + " at index " + index + " in " + roles
                        + ": a role is 1 to 63 characters of letters, digits, '.', '_' and '-', starting with a letter or digit");
            }
            if (role.equals(RESERVED)) {
                throw new IllegalArgumentException("Invalid role name 'conductor' at index " + index + " in " + roles
                        + ": it is reserved for the harness's coordinator");
            }
            if (!seen.add(role)) {
                throw new IllegalArgumentException("Duplicate role name '" + role + "' in " + roles
                        + ": every role must be unique");
            }
        }
        return List.copyOf(roles);
    }

    private static String quote(String role) {
        return role == null ? "null" : "'" + role + "'";
    }
}
