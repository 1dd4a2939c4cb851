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
// Output bytes do not depend on either flag.
export const V8_FLAGS = ['--interrupt-budget=1000000', '--liftoff-only'];
