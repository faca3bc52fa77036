# Native-library environment for ND4J on this machine; sourced (POSIX sh) by the IJava kernel launcher and by
# `./course bench`, so notebooks and benchmarks run with the same settings. It must be in the environment before the
# JVM starts: OpenMP and OpenBLAS read it once, at load time.
#
# OpenBLAS 0.3.19 (bundled with ND4J 1.0.0-M2.1) misdetects recent CPUs (e.g. AMD Zen 4/5 as "Barcelona", without
# AVX kernels); pick its kernels from the CPU's own flags unless the user chose already.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  ebm_flags=$(grep -m1 '^flags' /proc/cpuinfo)
  case "$ebm_flags" in
    *avx512f*avx512*) OPENBLAS_CORETYPE=SkylakeX; export OPENBLAS_CORETYPE ;;
    *avx2*) OPENBLAS_CORETYPE=Haswell; export OPENBLAS_CORETYPE ;;
  esac
  unset ebm_flags
fi
# ND4J's OpenMP threads spin-wait and starve OpenBLAS's threads on small machines.
OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}; export OMP_WAIT_POLICY
# ND4J's native buffers are malloc'ed and freed from several threads (the cell's thread, OpenMP workers, javacpp's
# deallocator); glibc then keeps many per-thread arenas of freed memory, and a notebook's resident memory grows
# far beyond what it uses. Two arenas keep it bounded.
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}; export MALLOC_ARENA_MAX
# glibc raises its mmap threshold after large blocks are freed, after which big ND4J buffers come from the heap
# arenas and stay resident when freed; a fixed threshold returns them to the system.
MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-131072}; export MALLOC_MMAP_THRESHOLD_
