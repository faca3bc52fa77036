package org.ebmjava.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ebmjava.NativeConfig;
import org.junit.jupiter.api.Test;

/** NativeConfig (in org.ebmjava; tested here next to its main user): build choice from CPU flags, idempotence. */
class NativeConfigTest {
    @Test
    void nativeBuildFollowsTheCpuFlags() {
        assertEquals(List.of("-avx512", "-avx2"), NativeConfig.nativeBuildsFor(
                "fpu sse2 avx fma avx2 avx512f avx512dq avx512bw avx512vl"));
        assertEquals(List.of("-avx2"), NativeConfig.nativeBuildsFor("fpu sse2 avx fma avx2"));
        assertEquals(List.of("-avx2"), NativeConfig.nativeBuildsFor("fma avx2 avx512f"),
                "AVX-512 foundation alone is not enough for ND4J's avx512 build");
        assertEquals(List.of(), NativeConfig.nativeBuildsFor("fpu sse2 avx"));
        assertEquals(List.of(), NativeConfig.nativeBuildsFor(""));
    }

    @Test
    void applyIsIdempotentAndDescribeNamesTheEnvironment() {
        NativeConfig.apply();
        assertFalse(NativeConfig.apply());
        assertTrue(NativeConfig.isApplied());
        String d = NativeConfig.describe();
        assertTrue(d.contains("OMP_WAIT_POLICY="), d);
        assertTrue(d.contains("OPENBLAS_CORETYPE="), d);
        assertTrue(d.contains("ND4J native build"), d);
    }
}
