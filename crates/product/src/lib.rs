//! Products with their variants, options, images, tags and types, and the variants' base prices.
