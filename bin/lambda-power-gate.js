#!/usr/bin/env node
// The CLI front door: the same bundle and flow as the action (see src/index.ts).
process.env.LAMBDA_POWER_GATE_CLI = '1';
await import('../dist/index.js');
