//! Shipping profiles and shipping options with their requirements and prices.
