#!/usr/bin/env node
// The CDK app: `cdk synth` / `cdk deploy` run this (cdk.json "app"). Everything lives in lib/app.ts.
import { buildApp } from '../lib/app';

buildApp();
