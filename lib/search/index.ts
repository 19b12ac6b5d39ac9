export { CaptureIndex, type CaptureHit } from './capture-index';
export { LISTING_VERSION, listingOf, type CaptureListing } from './capture-listing';
export { firstWords, shortHash, summarizeCapture, type CaptureSummary } from './capture-summary';
export { captureFiltersSchema, type CaptureFilters } from './filters';
export { fold, terms } from './normalize';
