//! Decision tests with a fake clock: tiers, keys, per-route scope, headers.
