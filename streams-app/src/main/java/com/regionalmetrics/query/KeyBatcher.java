package com.regionalmetrics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Combines the reads that callers on different threads want from one peer at the same moment into
 * one request ("smart batching"): a request carries every read waiting when it is sent, so the more
 * reads arrive while requests are in flight, the more each request carries, and a lone read goes
 * out at once. At most {@code slots} requests are in flight. No thread of its own: a caller that
 * finds a free slot sends what is waiting (its own read among it) on its own thread; callers that
 * find every slot taken wait, and each sender, once done, wakes the longest-waiting of them to send
 * the next batch.
 *
 * @param <Q> a read
 * @param <R> its answer
 */
final class KeyBatcher<Q, R> {

  /** Sends one batch; answers in the order of the reads. */
  @FunctionalInterface
  interface Sender<Q, R> {
    List<R> send(List<Q> reads) throws Exception;
  }

  private final ConcurrentLinkedQueue<Pending<Q, R>> waiting = new ConcurrentLinkedQueue<>();
  private final Semaphore slots;
  private final int maxBatch;
  private final Sender<Q, R> sender;
  private final ForwardStages stages;

  /**
   * @param slots most requests in flight at once
   * @param maxBatch most reads in one request
   */
  KeyBatcher(int slots, int maxBatch, Sender<Q, R> sender) {
    this(slots, maxBatch, sender, new ForwardStages());
  }

  /**
   * @param stages where the time of each read and request is added up
   */
  KeyBatcher(int slots, int maxBatch, Sender<Q, R> sender, ForwardStages stages) {
    this.slots = new Semaphore(slots);
    this.maxBatch = maxBatch;
    this.sender = sender;
    this.stages = stages;
  }

  /**
   * The answer to one read, sent alone or with others.
   *
   * @param waitNanos how long to wait for a free slot; the request, once sent, is bounded by the
   *     sender's own timeout
   * @throws TimeoutException when no slot came free in time (the read was never sent)
   * @throws Exception what the sender threw for the batch that carried this read
   */
  R read(Q read, long waitNanos) throws Exception {
    Pending<Q, R> me = new Pending<>(read, Thread.currentThread());
    waiting.add(me);
    long deadline = System.nanoTime() + waitNanos;
    boolean interrupted = false;
    while (!me.done) {
      if (slots.tryAcquire()) {
        try {
          sendWaiting();
        } finally {
          slots.release();
        }
        // reads that arrived while this batch was out may have found every slot taken
        Pending<Q, R> next = waiting.peek();
        if (next != null) {
          next.wake();
        }
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 && waiting.remove(me)) {
        throw new TimeoutException("no free connection within " + waitNanos / 1_000_000 + " ms");
      }
      if (Thread.interrupted()) {
        if (waiting.remove(me)) {
          throw new InterruptedException();
        }
        interrupted = true; // already sent: wait for the answer, then restore the flag
      }
      // a sender completes or wakes this read; once taken (left <= 0, not removed) its batch ends
      // within the sender's timeout
      me.await(Math.max(left, 1_000_000));
    }
    stages.resumeNanos.add(System.nanoTime() - me.answeredAt);
    stages.reads.increment();
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

  /** Sends up to maxBatch waiting reads as one request, and hands each its answer or the error. */
  private void sendWaiting() {
    List<Pending<Q, R>> batch = new ArrayList<>();
    Pending<Q, R> p;
    while (batch.size() < maxBatch && (p = waiting.poll()) != null) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    long sent = System.nanoTime();
    try {
      List<Q> reads = new ArrayList<>(batch.size());
      for (Pending<Q, R> b : batch) {
        reads.add(b.read);
        stages.queuedNanos.add(sent - b.created);
      }
      List<R> answers = sender.send(reads);
      stages.roundTripNanos.add(System.nanoTime() - sent);
      stages.batches.increment();
      if (answers.size() != batch.size()) {
        throw new IllegalStateException(
            answers.size() + " answers to " + batch.size() + " reads in one request");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).complete(answers.get(i), null);
      }
    } catch (Exception e) {
      batch.forEach(b -> b.complete(null, e));
    } finally {
      // an Error thrown by the sender: no caller may wait for a batch that is over
      for (Pending<Q, R> b : batch) {
        if (!b.done) {
          b.complete(null, new IllegalStateException("the request carrying this read failed"));
        }
      }
    }
  }

  /** One caller's read: answered (done), or woken to try for a slot. */
  private static final class Pending<Q, R> {
    final Q read;
    final Thread caller;
    final long created = System.nanoTime();
    long answeredAt; // published by the volatile write of done
    volatile boolean done;
    volatile boolean woken;
    R answer;
    Exception error;

    Pending(Q read, Thread caller) {
      this.read = read;
      this.caller = caller;
    }

    void complete(R answer, Exception error) {
      this.answer = answer;
      this.error = error;
      answeredAt = System.nanoTime();
      done = true; // publishes answer and error (volatile write after them)
      LockSupport.unpark(caller);
    }

    void wake() {
      woken = true;
      LockSupport.unpark(caller);
    }

    /** Parks until done, woken (possibly before this call) or the time is up. */
    void await(long nanos) {
      long deadline = System.nanoTime() + nanos;
      long left = nanos;
      while (!done && !woken && left > 0) {
        LockSupport.parkNanos(this, left);
        left = deadline - System.nanoTime();
      }
      woken = false;
    }
  }
}
