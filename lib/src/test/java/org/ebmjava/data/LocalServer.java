package org.ebmjava.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A throw-away HTTP server on 127.0.0.1 (ephemeral port) for download tests. */
final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    /** Serves bytes at path with status 200. */
    LocalServer serve(String path, byte[] body) {
        server.createContext(path, ex -> {
            count(path);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** Promises body.length bytes but sends only the first half, then drops the connection. */
    LocalServer serveTruncated(String path, byte[] body) {
        server.createContext(path, ex -> {
            count(path);
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(Arrays.copyOf(body, body.length / 2));
            out.flush();
            abort(ex);
        });
        return this;
    }

    /** Answers with the given status and an empty body. */
    LocalServer serveStatus(String path, int status) {
        server.createContext(path, ex -> {
            count(path);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void count(String path) {
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private static void abort(HttpExchange ex) {
        // Closing the exchange before the promised length is written makes the server drop the connection.
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
