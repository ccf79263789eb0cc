#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (tsx), so `npx newswire` works right after `npm ci`.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
require('./newswire.ts');
