package com.regionalmetrics.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of the load generator, blocking: a GET, then the status, the
 * X-Served-By header and the body (Content-Length or chunked, skipped). Far cheaper on the shared
 * cores than the JDK's HttpClient, and without its client-wide lock. Reconnects after an error or
 * when the server closes the connection.
 */
final class HttpConnection implements AutoCloseable {
  /** What the load generator needs of a response. */
  record Response(int status, String servedBy) {}

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private final byte[] requestTail;
  private final StringBuilder line = new StringBuilder(128);
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = (int) timeout.toMillis();
    this.requestTail =
        (" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /** GET pathAndQuery (already percent-encoded ASCII). */
  Response get(String pathAndQuery) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      byte[] start = ("GET " + pathAndQuery).getBytes(StandardCharsets.US_ASCII);
      byte[] request = new byte[start.length + requestTail.length];
      System.arraycopy(start, 0, request, 0, start.length);
      System.arraycopy(requestTail, 0, request, start.length, requestTail.length);
      out.write(request);
      out.flush();
      return readResponse();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(new InetSocketAddress(host, port), timeoutMillis);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = s.getOutputStream();
  }

  private Response readResponse() throws IOException {
    String statusLine = readLine();
    // "HTTP/1.1 200 OK"
    int sp = statusLine.indexOf(' ');
    if (!statusLine.startsWith("HTTP/1.") || sp < 0 || statusLine.length() < sp + 4) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    String servedBy = null;
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
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        case "x-served-by" -> servedBy = value;
        default -> {}
      }
    }
    if (chunked) {
      skipChunked();
    } else if (length >= 0) {
      skip(length);
    } else {
      throw new IOException("response without Content-Length or chunked body");
    }
    if (closeAfter) {
      close();
    }
    return new Response(status, servedBy);
  }

  private void skipChunked() throws IOException {
    while (true) {
      String size = readLine();
      int semi = size.indexOf(';');
      long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        // trailers, up to the empty line
        while (!readLine().isEmpty()) {
          // ignored
        }
        return;
      }
      skip(n);
      readLine(); // the CRLF after the chunk
    }
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long k = in.skip(left);
      if (k <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed inside a body");
        }
        k = 1;
      }
      left -= k;
    }
  }

  /** A header line without its CRLF (ISO-8859-1: header values are ASCII here). */
  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("connection closed by the server");
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

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        System.err.println("closing a load connection: " + e);
      }
    }
  }
}
