package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The internal client against the JDK's HTTP server and a raw socket server. */
class PeerConnectionsTest {

  @Test
  void readsFixedLengthAndChunkedBodiesOverOneReusedConnectionWithTheToken() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
    List<String> auth = new CopyOnWriteArrayList<>();
    server.createContext(
        "/internal/v1/value",
        ex -> {
          clients.add(ex.getRemoteAddress());
          auth.add(ex.getRequestHeaders().getFirst("Authorization"));
          byte[] body = ("{\"q\":\"" + ex.getRequestURI().getRawQuery() + "\"}").getBytes();
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/internal/v1/history",
        ex -> {
          clients.add(ex.getRemoteAddress());
          ex.sendResponseHeaders(503, 0); // chunked
          try (OutputStream out = ex.getResponseBody()) {
            out.write("值".repeat(5000).getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    try (PeerConnections peer =
        new PeerConnections(
            new HostInfo("127.0.0.1", server.getAddress().getPort()),
            Duration.ofSeconds(10),
            "s3cret")) {
      for (int i = 0; i < 3; i++) {
        PeerConnections.Response v = peer.get("/internal/v1/value?key=a%7Cb&partition=" + i);
        assertThat(v.status()).isEqualTo(200);
        assertThat(new String(v.body(), StandardCharsets.UTF_8))
            .isEqualTo("{\"q\":\"key=a%7Cb&partition=" + i + "\"}");
        PeerConnections.Response h = peer.get("/internal/v1/history?key=x");
        assertThat(h.status()).isEqualTo(503);
        assertThat(new String(h.body(), StandardCharsets.UTF_8)).isEqualTo("值".repeat(5000));
      }
    } finally {
      server.stop(0);
    }
    assertThat(clients).hasSize(1);
    assertThat(auth).containsOnly("Bearer s3cret").hasSize(3);
  }

  @Test
  void aConnectionThePeerClosedWhileIdleIsReplacedOnce() throws Exception {
    // answers one request per connection, then closes it without saying so
    try (ServerSocket server = new ServerSocket(0)) {
      AtomicInteger accepted = new AtomicInteger();
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                      // request headers
                    }
                    s.getOutputStream()
                        .write(
                            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                .getBytes(StandardCharsets.ISO_8859_1));
                  } catch (IOException e) {
                    return; // closed by the test
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      try (PeerConnections peer =
          new PeerConnections(
              new HostInfo("127.0.0.1", server.getLocalPort()), Duration.ofSeconds(10), null)) {
        assertThat(new String(peer.get("/a").body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        Thread.sleep(100); // the server has closed that connection by now
        assertThat(new String(peer.get("/b").body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      }
      assertThat(accepted).hasValue(2);
    }
  }

  @Test
  void aPeerThatDoesNotAnswerTimesOut() throws IOException {
    try (ServerSocket server = new ServerSocket(0);
        PeerConnections peer =
            new PeerConnections(
                new HostInfo("127.0.0.1", server.getLocalPort()), Duration.ofMillis(300), null)) {
      assertThatThrownBy(() -> peer.get("/a")).isInstanceOf(SocketTimeoutException.class);
    }
  }
}
