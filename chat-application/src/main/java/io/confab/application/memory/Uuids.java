package io.confab.application.memory;

import java.util.UUID;

/** Orders UUIDs as PostgreSQL and H2 do (unsigned, byte by byte), so keyset paging agrees across stores. */
final class Uuids {

    private Uuids() {
    }

    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
