package org.commonweal.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Volunteers and requests to match; ids are unique within each list. */
public record Instance(List<Volunteer> volunteers, List<HelpRequest> requests) {
    public Instance {
        volunteers = List.copyOf(volunteers);
        requests = List.copyOf(requests);
        Set<String> seen = new HashSet<>();
        for (Volunteer v : volunteers) if (!seen.add(v.id())) throw new IllegalArgumentException("volunteer id '" + v.id() + "' is used twice");
        seen.clear();
        for (HelpRequest r : requests) if (!seen.add(r.id())) throw new IllegalArgumentException("request id '" + r.id() + "' is used twice");
    }
}
