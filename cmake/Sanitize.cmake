# The checked native configuration (scripts/build asan|fuzz -> build/asan),
# one clang++-14 build for two uses: the unit tests run under ASan+UBSan
# (CTest), and the libFuzzer targets of tests/fuzz link the very same core
# objects. One compile of the core instead of two (a g++ ASan build and a
# clang fuzz build) is what keeps scripts/test inside CI's 30 minutes.
#
# Everything (core, cli, tests, fuzz targets) is compiled with ASan+UBSan.
# UBSan must not recover, or libFuzzer would never see the report as a
# crash and a unit test would pass with a report in its log.
# The code under test (core, cli) and the fuzz harnesses also get
# -fsanitize=fuzzer-no-link: libFuzzer's coverage counters and comparison
# hooks, without its main(). Unit tests link them with plain ASan+UBSan,
# whose runtime defines the hooks as no-ops; the fuzz executables add
# -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt), which links libFuzzer.
# GoogleTest is Debian's libgtest (built by g++ against libstdc++, which
# clang++ links too); it is not instrumented, which only means ASan does
# not check GoogleTest's own memory accesses.
# Debian's clang 14 is installed by scripts/setup (clang-14, libclang-rt-14-dev).
if(EMSCRIPTEN)
  message(FATAL_ERROR "SHOPCORE_SANITIZE is a native configuration (clang++-14), not a wasm one")
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "SHOPCORE_SANITIZE needs clang: configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
set(SHOPCORE_COVERAGE_OPTIONS -fsanitize=fuzzer-no-link)
