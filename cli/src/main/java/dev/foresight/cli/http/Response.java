package dev.foresight.cli.http;

import java.nio.charset.StandardCharsets;

/** What a route answers: status, content type and body. */
public record Response(int status, String contentType, byte[] body) {

    public static Response text(String contentType, String body) {
        return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response bytes(String contentType, byte[] body) {
        return new Response(200, contentType, body);
    }
}
