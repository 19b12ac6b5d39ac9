// Store tests run against fake-indexeddb in Node; everything else in the store is real Dexie.
import 'fake-indexeddb/auto';
