// V8 flags for every briefwright process (the command line and the benchmark's render child).
//
// A build is short: V8's optimising compiler, tuned for long-running code, spends more CPU
// (on background threads too) compiling a build's code than the optimised code then saves.
// Optimising only code that has run for ~15 times longer than V8's default interrupt budget
// (67,584) cuts a one-article build's CPU time by about a third and does not slow large
// builds (bench/README.md).
//
// For the same reason WebAssembly (harfbuzz, which makes font subsets) runs as compiled by
// V8's baseline compiler only: optimising harfbuzz's 1.5 MB module costs more CPU than a
// build's few subsets save; a first build without the font cache is ~0.2 s faster.
//
// Each heap grows by a fixed factor of 2.5 after a full collection. By default V8 picks the factor
// (up to 4) from how fast the program allocates, and a build allocates fast: the three heaps of a
// 50-article build (main thread, two render threads) peaked at 614-649 MB (bench target: 600 MB).
// Fixed at 2.5: 524-545 MB in the same time (three runs each, taking turns); at 2.0, 480-507 MB
// but 5 % slower (bench/README.md, "Memory"). The fixed factor also stands where V8 would grow a
// heap less (1.1-1.3, near its limit or when it tries to save memory); the heaps' limit still holds.
//
// Output bytes do not depend on any of these flags.
export const V8_FLAGS = ['--interrupt-budget=1000000', '--liftoff-only', '--heap-growing-percent=150'];
