package io.confab.rest.chatkit;

import io.confab.domain.ErrorCode;

/**
 * A ChatKit request refused before anything streamed: answered as problem+json by the REST
 * adapter's error mapping, with this status and code.
 */
public final class ChatKitRequestException extends RuntimeException {

    private final int status;
    private final ErrorCode code;

    private ChatKitRequestException(int status, ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ChatKitRequestException badRequest(ErrorCode code, String detail) {
        return new ChatKitRequestException(400, code, detail);
    }

    static ChatKitRequestException notFound(String detail) {
        return new ChatKitRequestException(404, ErrorCode.NOT_FOUND, detail);
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
