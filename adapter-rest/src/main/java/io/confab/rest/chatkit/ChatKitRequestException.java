package io.confab.rest.chatkit;

/**
 * A ChatKit request refused before anything streamed: answered as problem+json by the REST
 * adapter's error mapping, with this status and code.
 */
public final class ChatKitRequestException extends RuntimeException {

    private final int status;
    private final String code;

    private ChatKitRequestException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ChatKitRequestException badRequest(String code, String detail) {
        return new ChatKitRequestException(400, code, detail);
    }

    static ChatKitRequestException notFound(String detail) {
        return new ChatKitRequestException(404, "not_found", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
