package org.ebmjava.ising;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SpinBarrierTest {

    /** More parties than the 2 cores of the course machine, so that waiting parties must park. */
    private static final int PARTIES = 4;
    private static final int ROUNDS = 2000;

    @Test
    void everyPartySeesEveryWriteOfTheRoundBefore() throws Exception {
        SpinBarrier barrier = new SpinBarrier(PARTIES);
        int[] slots = new int[PARTIES];
        ExecutorService pool = Executors.newFixedThreadPool(PARTIES);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int p = 0; p < PARTIES; p++) {
                final int party = p;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int round = 1; round <= ROUNDS; round++) {
                        slots[party] = round;
                        barrier.await(party);
                        for (int q = 0; q < PARTIES; q++) {
                            if (slots[q] != round) {
                                mismatches++;
                            }
                        }
                        barrier.await(party);
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(0, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void breakingTheBarrierReleasesWaitingParties() throws InterruptedException, TimeoutException {
        SpinBarrier barrier = new SpinBarrier(2);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiting = pool.submit(() -> barrier.await(0));
            Thread.sleep(50);
            barrier.breakBarrier();
            ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException);
            assertTrue(barrier.isBroken());
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalArgumentException.class, () -> new SpinBarrier(0));
    }
}
