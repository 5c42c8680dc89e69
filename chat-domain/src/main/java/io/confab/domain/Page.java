package io.confab.domain;

import java.util.List;

/** One page of an offset-paged list, with the total number of matching rows. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
