# The libFuzzer configuration (scripts/build fuzz -> build/fuzz): every object
# is compiled with coverage instrumentation for libFuzzer plus ASan and UBSan,
# so a fuzz input that reads out of bounds, overflows a signed integer or
# leaks fails the run. Only clang can do this; Debian's clang 14 is pinned
# in scripts/setup (clang-14, libclang-rt-14-dev).
if(EMSCRIPTEN)
  message(FATAL_ERROR "SHOPCORE_FUZZ is a native configuration (clang++-14), not a wasm one")
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "SHOPCORE_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
# fuzzer-no-link instruments without linking libFuzzer's main(): the fuzz
# executables add -fsanitize=fuzzer themselves (tests/fuzz/CMakeLists.txt).
# UBSan must not recover, or libFuzzer would never see the report as a crash.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address,undefined)
