package com.regionalmetrics.query;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking HTTP/1.1 GETs to one other instance over a pool of keep-alive connections, each request
 * written and its response read on the calling thread: no selector thread to hand off to and no
 * client-wide lock, unlike the JDK's HttpClient (whose per-exchange hand-offs and lock dominated a
 * forwarded lookup on 2 cores). A connection the peer closed while idle is replaced once.
 */
final class PeerConnections implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeerConnections.class);

  /** Idle connections kept per peer; more are closed after use. */
  private static final int MAX_IDLE = 32;

  /** A response: its status and body. */
  record Response(int status, byte[] body) {}

  private final HostInfo peer;
  private final int timeoutMillis;
  private final byte[] headers;
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  /**
   * @param timeout to connect, and for each read of a response
   * @param token bearer token sent with every request; null: none
   */
  PeerConnections(HostInfo peer, Duration timeout, String token) {
    this.peer = peer;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
    this.headers =
        (" HTTP/1.1\r\nHost: "
                + peer.host()
                + ":"
                + peer.port()
                + "\r\nAccept: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** GET pathAndQuery (percent-encoded ASCII) from the peer. */
  Response get(String pathAndQuery) throws IOException {
    byte[] request = request(pathAndQuery);
    Connection c = idle.pollFirst();
    if (c != null) {
      idleCount.decrementAndGet();
      try {
        return exchange(c, request);
      } catch (SocketTimeoutException e) {
        throw e; // the peer is slow, not gone: no second wait
      } catch (IOException e) {
        // most likely closed by the peer while idle: GET is safe to send again, once, afresh
        LOG.debug("reused connection to {} failed ({}): retrying on a new one", peer, e.toString());
      }
    }
    return exchange(new Connection(), request);
  }

  private Response exchange(Connection c, byte[] request) throws IOException {
    Response r;
    try {
      r = c.exchange(request);
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    if (c.reusable && !closed && idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.offerFirst(c);
      return r;
    }
    if (c.reusable && !closed) {
      idleCount.decrementAndGet(); // the pool is full
    }
    c.close();
    return r;
  }

  private byte[] request(String pathAndQuery) {
    byte[] start = ("GET " + pathAndQuery).getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[start.length + headers.length];
    System.arraycopy(start, 0, request, 0, start.length);
    System.arraycopy(headers, 0, request, start.length, headers.length);
    return request;
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      c.close();
    }
  }

  /** One socket to the peer. */
  private final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(64);
    private boolean reusable = true;

    Connection() throws IOException {
      socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(new InetSocketAddress(peer.host(), peer.port()), timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }

    Response exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = readLine();
      int sp = status.indexOf(' ');
      if (!status.startsWith("HTTP/1.") || sp < 0 || status.length() < sp + 4) {
        throw new IOException("not an HTTP response from " + peer + ": " + status);
      }
      int code = Integer.parseInt(status.substring(sp + 1, sp + 4));
      long length = -1;
      boolean chunked = false;
      for (String h = readLine(); !h.isEmpty(); h = readLine()) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> reusable &= !value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      byte[] body;
      if (chunked) {
        body = readChunked();
      } else if (length >= 0) {
        body = in.readNBytes(Math.toIntExact(length));
        if (body.length != length) {
          throw new EOFException("connection closed inside a body from " + peer);
        }
      } else {
        body = in.readAllBytes(); // no length: the body ends with the connection
        reusable = false;
      }
      return new Response(code, body);
    }

    private byte[] readChunked() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine();
        int semi = size.indexOf(';');
        int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          while (!readLine().isEmpty()) {
            // trailers: ignored
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(n);
        if (chunk.length != n) {
          throw new EOFException("connection closed inside a chunk from " + peer);
        }
        body.write(chunk);
        readLine();
      }
    }

    private String readLine() throws IOException {
      line.setLength(0);
      while (true) {
        int c = in.read();
        if (c < 0) {
          throw new EOFException("connection closed by " + peer);
        }
        if (c == '\n') {
          int n = line.length();
          if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
          }
          return line.toString();
        }
        line.append((char) c);
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing a connection to {}: {}", peer, e.toString());
      }
    }
  }
}
