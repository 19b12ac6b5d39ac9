import type { StoreContext } from './context';
import { ArtifactsRepo } from './repositories/artifacts-repo';
import { CapturesRepo } from './repositories/captures-repo';
import { CasesRepo } from './repositories/cases-repo';
import { CustodyRepo } from './repositories/custody-repo';
import { KeysRepo } from './repositories/keys-repo';
import { LinksRepo } from './repositories/links-repo';
import { ListingsRepo } from './repositories/listings-repo';
import { LockerRepo } from './repositories/locker-repo';
import { PersonsRepo } from './repositories/persons-repo';
import { RedactionsRepo } from './repositories/redactions-repo';
import { SettingsRepo } from './repositories/settings-repo';
import { StampQueueRepo } from './repositories/stamp-queue-repo';

/** The repositories over one database: the only way the rest of the code reaches IndexedDB. */
export class Store {
  readonly persons: PersonsRepo;
  readonly cases: CasesRepo;
  readonly captures: CapturesRepo;
  readonly artifacts: ArtifactsRepo;
  readonly links: LinksRepo;
  readonly listings: ListingsRepo;
  readonly custody: CustodyRepo;
  readonly keys: KeysRepo;
  readonly settings: SettingsRepo;
  readonly stampQueue: StampQueueRepo;
  readonly redactions: RedactionsRepo;
  readonly locker: LockerRepo;

  constructor(readonly ctx: StoreContext) {
    this.persons = new PersonsRepo(ctx);
    this.cases = new CasesRepo(ctx);
    this.captures = new CapturesRepo(ctx);
    this.artifacts = new ArtifactsRepo(ctx);
    this.links = new LinksRepo(ctx);
    this.listings = new ListingsRepo(ctx);
    this.custody = new CustodyRepo(ctx);
    this.keys = new KeysRepo(ctx);
    this.settings = new SettingsRepo(ctx);
    this.stampQueue = new StampQueueRepo(ctx);
    this.redactions = new RedactionsRepo(ctx);
    this.locker = new LockerRepo(ctx);
  }
}
