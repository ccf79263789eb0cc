import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sampleFeedsDir } from '../../lambdas/local/sampleServer';

export interface ManifestRelease {
  slug: string;
  title: string;
  source: string;
  datelineLocation: string;
  datelineDate: string | null;
  wireTag: string;
  tickers: string[];
  country: string | null;
  publishedAt: string;
  feeds: string[];
}
export interface SampleManifest {
  feeds: { path: string; name: string; items: number }[];
  releases: ManifestRelease[];
}

/** The hand-labelled expectations of the bundled sample set. */
export function readSampleManifest(): SampleManifest {
  return JSON.parse(readFileSync(path.join(sampleFeedsDir(), 'manifest.json'), 'utf8')) as SampleManifest;
}
