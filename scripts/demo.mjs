// Placeholder until the end-to-end demo lands: `pnpm demo` says so and exits non-zero.
console.error('The end-to-end demo is not built yet. Run the tests with `npx -y pnpm@10.34.9 test`.');
process.exit(1);
