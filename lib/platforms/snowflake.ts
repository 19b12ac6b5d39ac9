/**
 * X (Twitter) ids are "snowflakes": the top bits are milliseconds since 2010-11-04T01:42:54.657Z.
 * The creation time is therefore part of the id itself — a derivation, not a guess — and lets a
 * record date a post whose page shows no time (og-only responses, oEmbed, deleted posts). Ids are
 * handled as BigInt: they exceed 2^53.
 */
const TWITTER_EPOCH_MS = 1288834974657n;
/** Sequential ids before November 2010 stayed below ~3e10; snowflakes from then on exceed 1e15. */
const FIRST_SNOWFLAKE = 1_000_000_000_000_000n;

/** Creation time of a snowflake id, floored to whole seconds like the time X shows; else null. */
export function snowflakeTime(id: string | null | undefined): string | null {
  if (!id || !/^\d{1,20}$/.test(id)) return null;
  const value = BigInt(id);
  if (value < FIRST_SNOWFLAKE) return null;
  const ms = Number((value >> 22n) + TWITTER_EPOCH_MS);
  const seconds = Math.floor(ms / 1000) * 1000;
  return new Date(seconds).toISOString().replace('.000Z', 'Z');
}
