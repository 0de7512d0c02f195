package com.regionalmetrics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Combines the reads that callers on different threads want from one peer at the same moment into
 * one request ("smart batching"): a request carries every read waiting when it is sent, so the more
 * reads arrive while requests are in flight, the more each request carries, and a lone read goes
 * out at once. At most {@code slots} requests are in flight; requests are asynchronous and no
 * thread is the batcher's own. A caller that finds a free slot sends what is waiting (its own read
 * among it) from its own thread; when a request completes, the thread completing it sends the next
 * batch of waiting reads before it hands out the answers. So a read never waits while a slot is
 * free, and a slot never waits for a parked caller to be scheduled (the previous version woke one
 * to send, a hop of scheduler latency per batch on a loaded machine).
 *
 * @param <Q> a read
 * @param <R> its answer
 */
final class KeyBatcher<Q, R> {

  /**
   * Sends one batch without blocking; the future completes with the answers in the order of the
   * reads, or fails, within the sender's own timeout.
   */
  @FunctionalInterface
  interface Sender<Q, R> {
    CompletableFuture<List<R>> send(List<Q> reads);
  }

  private final ConcurrentLinkedQueue<Pending<Q, R>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger freeSlots;
  private final int maxBatch;
  private final Sender<Q, R> sender;

  /**
   * @param slots most requests in flight at once
   * @param maxBatch most reads in one request
   */
  KeyBatcher(int slots, int maxBatch, Sender<Q, R> sender) {
    this.freeSlots = new AtomicInteger(slots);
    this.maxBatch = maxBatch;
    this.sender = sender;
  }

  /**
   * The answer to one read, sent alone or with others.
   *
   * @param waitNanos how long to wait for a free slot; the request, once sent, is bounded by the
   *     sender's own timeout
   * @throws TimeoutException when no slot came free in time (the read was never sent)
   * @throws Exception what the sender failed with for the batch that carried this read
   */
  R read(Q read, long waitNanos) throws Exception {
    Pending<Q, R> me = new Pending<>(read, Thread.currentThread());
    waiting.add(me);
    sendWaiting();
    long deadline = System.nanoTime() + waitNanos;
    boolean interrupted = false;
    while (!me.done) {
      long left = deadline - System.nanoTime();
      if (!me.sent) {
        if (left <= 0 && waiting.remove(me)) {
          throw new TimeoutException("no free connection within " + waitNanos / 1_000_000 + " ms");
        }
        if (Thread.interrupted()) {
          if (waiting.remove(me)) {
            throw new InterruptedException();
          }
          interrupted = true; // already taken: wait for the answer, then restore the flag
        }
      } else if (Thread.interrupted()) {
        interrupted = true;
      }
      // once sent, the sender's timeout ends the batch; until then, wake up at the deadline
      LockSupport.parkNanos(me, me.sent ? 10_000_000_000L : Math.max(left, 1_000_000));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (me.error != null) {
      throw me.error;
    }
    return me.answer;
  }

  /** Reads waiting for a slot (for tests). */
  int waitingReads() {
    return waiting.size();
  }

  /**
   * While a slot is free and reads wait, sends up to maxBatch of them as one request. Called by a
   * caller after queueing its read and by the completion of every request after freeing its slot:
   * each side publishes first (the read, the slot) and looks at the other after, so no read is left
   * waiting beside a free slot.
   */
  private void sendWaiting() {
    while (!waiting.isEmpty() && takeSlot()) {
      List<Pending<Q, R>> batch = new ArrayList<>();
      Pending<Q, R> p;
      while (batch.size() < maxBatch && (p = waiting.poll()) != null) {
        p.sent = true;
        batch.add(p);
      }
      if (batch.isEmpty()) {
        freeSlots.incrementAndGet(); // another thread took them; the loop looks again
        continue;
      }
      List<Q> reads = new ArrayList<>(batch.size());
      batch.forEach(b -> reads.add(b.read));
      CompletableFuture<List<R>> answers;
      try {
        answers = sender.send(reads);
      } catch (RuntimeException | Error e) {
        answers = CompletableFuture.failedFuture(e);
      }
      answers.whenComplete(
          (list, error) -> {
            freeSlots.incrementAndGet();
            try {
              sendWaiting(); // the next batch goes out before this one's callers are woken
            } finally {
              complete(batch, list, error);
            }
          });
    }
  }

  private boolean takeSlot() {
    int free;
    do {
      free = freeSlots.get();
      if (free == 0) {
        return false;
      }
    } while (!freeSlots.compareAndSet(free, free - 1));
    return true;
  }

  /** Hands each read of a batch its answer, or the batch's error. */
  private static <Q, R> void complete(List<Pending<Q, R>> batch, List<R> answers, Throwable error) {
    Exception failure = null;
    if (error != null) {
      Throwable cause =
          error instanceof java.util.concurrent.CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      failure =
          cause instanceof Exception e
              ? e
              : new IllegalStateException("the request carrying this read failed", cause);
    } else if (answers == null || answers.size() != batch.size()) {
      failure =
          new IllegalStateException(
              (answers == null ? 0 : answers.size())
                  + " answers to "
                  + batch.size()
                  + " reads in one request");
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).complete(failure == null ? answers.get(i) : null, failure);
    }
  }

  /** One caller's read: waiting, sent (taken into a batch), or answered (done). */
  private static final class Pending<Q, R> {
    final Q read;
    final Thread caller;
    volatile boolean sent;
    volatile boolean done;
    R answer;
    Exception error;

    Pending(Q read, Thread caller) {
      this.read = read;
      this.caller = caller;
    }

    void complete(R answer, Exception error) {
      this.answer = answer;
      this.error = error;
      done = true; // publishes answer and error (volatile write after them)
      LockSupport.unpark(caller);
    }
  }
}
