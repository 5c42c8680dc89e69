package io.confab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates Confab's Jackson mappers. Their parsers and generators take buffers from one shared
 * pool: Jackson's default recycles per thread, and every request runs on a new virtual thread,
 * so it allocated fresh buffers for each one.
 */
public final class JacksonMappers {

    private static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.sharedConcurrentDequePool();

    private JacksonMappers() {
    }

    public static ObjectMapper create() {
        return new ObjectMapper(JsonFactory.builder().recyclerPool(BUFFERS).build());
    }
}
