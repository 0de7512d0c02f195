package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads waiting for one peer at the same moment travel in one request; each caller gets its own
 * answer or its batch's error; a read that finds no free slot in time is never sent.
 */
class KeyBatcherTest {
  private static final long WAIT = TimeUnit.SECONDS.toNanos(10);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  /** Answers read × 10; the first request waits for the gate. */
  private static final class GatedSender implements KeyBatcher.Sender<Integer, Integer> {
    final CountDownLatch firstSent = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final List<List<Integer>> requests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<Integer> send(List<Integer> reads) throws Exception {
      requests.add(List.copyOf(reads));
      if (requests.size() == 1) {
        firstSent.countDown();
        gate.await(10, TimeUnit.SECONDS);
      }
      return reads.stream().map(r -> r * 10).toList();
    }
  }

  @Test
  void aLoneReadGoesOutAtOnceOnTheCallersThread() throws Exception {
    List<String> threads = new ArrayList<>();
    KeyBatcher<Integer, Integer> batcher =
        new KeyBatcher<>(
            2,
            128,
            reads -> {
              threads.add(Thread.currentThread().getName());
              return reads.stream().map(r -> r + 1).toList();
            });
    assertThat(batcher.read(41, WAIT)).isEqualTo(42);
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void readsArrivingWhileEverySlotIsTakenGoTogetherInTheNextRequest() throws Exception {
    GatedSender sender = new GatedSender();
    KeyBatcher<Integer, Integer> batcher = new KeyBatcher<>(1, 128, sender);
    Future<Integer> first = callers.submit(() -> batcher.read(0, WAIT));
    assertThat(sender.firstSent.await(10, TimeUnit.SECONDS)).isTrue();
    List<Future<Integer>> later = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      int read = i;
      later.add(callers.submit(() -> batcher.read(read, WAIT)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waitingReads() == 20);
    sender.gate.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
    for (int i = 1; i <= 20; i++) {
      assertThat(later.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
    }
    assertThat(sender.requests).hasSize(2);
    assertThat(sender.requests.get(0)).containsExactly(0);
    assertThat(sender.requests.get(1))
        .hasSize(20)
        .containsExactlyInAnyOrderElementsOf(range(1, 20));
  }

  @Test
  void theStagesCountEveryReadAndRequestAndTheTimeReadsWaitedForTheFirst() throws Exception {
    GatedSender sender = new GatedSender();
    ForwardStages stages = new ForwardStages();
    KeyBatcher<Integer, Integer> batcher = new KeyBatcher<>(1, 128, sender, stages);
    Future<Integer> first = callers.submit(() -> batcher.read(0, WAIT));
    assertThat(sender.firstSent.await(10, TimeUnit.SECONDS)).isTrue();
    // from before the reads queue: their queued time cannot exceed what passes from here, however
    // slowly a loaded machine schedules the callers and the await below
    long held = System.nanoTime();
    List<Future<Integer>> later = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int read = i;
      later.add(callers.submit(() -> batcher.read(read, WAIT)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waitingReads() == 3);
    Thread.sleep(50);
    sender.gate.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<Integer> f : later) {
      f.get(10, TimeUnit.SECONDS);
    }
    long heldNanos = System.nanoTime() - held;

    assertThat(stages.reads()).isEqualTo(4);
    assertThat(stages.batches()).isEqualTo(2);
    // the first request took at least the 50 ms the gate was held, and the 3 reads behind it
    // waited for it before their own request carried them
    assertThat(stages.roundTripNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    assertThat(stages.queuedNanos())
        .isGreaterThanOrEqualTo(3 * TimeUnit.MILLISECONDS.toNanos(50))
        .isLessThan(3 * heldNanos + TimeUnit.SECONDS.toNanos(1));
    assertThat(stages.resumeNanos()).isNotNegative();
  }

  @Test
  void aBatchIsCappedAtMaxBatchAndTheRestFollows() throws Exception {
    GatedSender sender = new GatedSender();
    KeyBatcher<Integer, Integer> batcher = new KeyBatcher<>(1, 8, sender);
    Future<Integer> first = callers.submit(() -> batcher.read(0, WAIT));
    assertThat(sender.firstSent.await(10, TimeUnit.SECONDS)).isTrue();
    List<Future<Integer>> later = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      int read = i;
      later.add(callers.submit(() -> batcher.read(read, WAIT)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waitingReads() == 20);
    sender.gate.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (int i = 1; i <= 20; i++) {
      assertThat(later.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
    }
    assertThat(sender.requests.stream().skip(1).map(List::size)).containsExactly(8, 8, 4);
  }

  @Test
  void theSendersErrorReachesEveryReadOfItsBatchAndTheNextBatchIsSentAnyway() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    KeyBatcher<Integer, Integer> batcher =
        new KeyBatcher<>(
            1,
            128,
            reads -> {
              if (requests.incrementAndGet() == 1) {
                throw new IllegalStateException("HTTP 500 from peer");
              }
              return reads;
            });
    assertThatThrownBy(() -> batcher.read(1, WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("HTTP 500 from peer");
    assertThat(batcher.read(2, WAIT)).isEqualTo(2);
  }

  @Test
  void aWrongNumberOfAnswersFailsTheBatch() {
    KeyBatcher<Integer, Integer> batcher = new KeyBatcher<>(1, 128, reads -> List.of());
    assertThatThrownBy(() -> batcher.read(1, WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 answers to 1 reads");
  }

  @Test
  void aReadThatFindsNoFreeSlotInTimeTimesOutAndIsNeverSent() throws Exception {
    GatedSender sender = new GatedSender();
    KeyBatcher<Integer, Integer> batcher = new KeyBatcher<>(1, 128, sender);
    Future<Integer> first = callers.submit(() -> batcher.read(0, WAIT));
    assertThat(sender.firstSent.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> batcher.read(7, TimeUnit.MILLISECONDS.toNanos(100)))
        .isInstanceOf(TimeoutException.class);
    sender.gate.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(batcher.read(8, WAIT)).isEqualTo(80);
    assertThat(sender.requests).containsExactly(List.of(0), List.of(8));
  }

  @Test
  void manyCallersEachGetTheirOwnAnswerInFewerRequestsThanReads() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    KeyBatcher<Integer, Integer> batcher =
        new KeyBatcher<>(
            2,
            128,
            reads -> {
              requests.incrementAndGet();
              Thread.sleep(1); // a round trip
              return reads.stream().map(r -> -r).toList();
            });
    int threads = 8;
    int perThread = 500;
    List<Future<Integer>> wrong = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * perThread;
      wrong.add(
          callers.submit(
              () -> {
                int errors = 0;
                for (int i = base; i < base + perThread; i++) {
                  if (batcher.read(i, WAIT) != -i) {
                    errors++;
                  }
                }
                return errors;
              }));
    }
    for (Future<Integer> f : wrong) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
    }
    assertThat(requests.get()).isLessThan(threads * perThread);
    assertThat(batcher.waitingReads()).isZero();
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> list = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      list.add(i);
    }
    return list;
  }
}
