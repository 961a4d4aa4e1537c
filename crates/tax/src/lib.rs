//! Tax rates and their product, product type and shipping option overrides.
